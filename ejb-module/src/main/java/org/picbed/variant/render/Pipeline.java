package org.picbed.variant.render;

import org.picbed.variant.spec.Geometry;
import org.picbed.variant.spec.Gravity;
import org.picbed.variant.spec.Resize;
import org.picbed.variant.spec.VariantSpec;

import java.util.List;

/**
 * The steps between decode and encode, in order. Decoding already applied what it could (a reduced-scale or
 * region decode, see {@link Decoder}); each step here maps the raster to the logical image through the frame's
 * cover rectangle, so it works on whatever resolution the decoder delivered.
 */
final class Pipeline {

    static final List<RenderStep> STEPS = List.of(
            new Orient(), new Crop(), new ResizeStep(), new Rotate(), new Flip(), new Blur(), new Sharpen(),
            new Background(), new WatermarkStep());

    private Pipeline() {
    }

    static Frame run(Frame f, VariantSpec spec, RenderContext ctx) throws RenderException {
        for (RenderStep step : STEPS) {
            f = step.apply(f, spec, ctx);
        }
        return f;
    }

    /** EXIF orientation: the stored raster turned the way the camera was held. */
    static final class Orient implements RenderStep {
        @Override
        public String name() {
            return "orient";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            int o = ctx.orientation;
            if (o <= 1 || o > 8) {
                return f;
            }
            int[] px = PixelOps.orient(f.px, f.width, f.height, o);
            boolean swap = o >= 5;
            Geometry.Box cover = Geometry.orient(new Geometry.Box(f.coverX, f.coverY, f.coverW, f.coverH),
                    f.logicalWidth, f.logicalHeight, o);
            return new Frame(px, swap ? f.height : f.width, swap ? f.width : f.height, f.alpha,
                    swap ? f.logicalHeight : f.logicalWidth, swap ? f.logicalWidth : f.logicalHeight,
                    cover.x(), cover.y(), cover.w(), cover.h());
        }
    }

    /** The explicit crop of the oriented source, at its gravity (smart: the most detailed window). */
    static final class Crop implements RenderStep {
        @Override
        public String name() {
            return "crop";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            VariantSpec.Crop crop = spec.crop();
            if (crop == null) {
                return f;
            }
            int[] size = Geometry.cropSize(f.logicalWidth, f.logicalHeight, crop);
            int cw = size[0];
            int ch = size[1];
            if (cw == f.logicalWidth && ch == f.logicalHeight) {
                return f;
            }
            double cx;
            double cy;
            if (crop.gravity() == Gravity.SMART) {
                double[] at = ctx.decide("crop", () -> smart(f, cw, ch));
                cx = at[0];
                cy = at[1];
            } else {
                int[] at = Geometry.placeInt(f.logicalWidth, f.logicalHeight, cw, ch, crop.gravity());
                cx = at[0];
                cy = at[1];
            }
            return cut(f, new Geometry.Box(cx, cy, cw, ch));
        }

        private static double[] smart(Frame f, int cw, int ch) {
            double sx = f.scaleX();
            double sy = f.scaleY();
            double[] at = SmartCrop.place(f.px, f.width, f.height, f.alpha, cw * sx, ch * sy);
            double x = Math.rint(f.coverX + at[0] / sx);
            double y = Math.rint(f.coverY + at[1] / sy);
            return new double[] {Math.max(0, Math.min(f.logicalWidth - cw, x)),
                    Math.max(0, Math.min(f.logicalHeight - ch, y))};
        }

        /** The frame whose logical image is the box (logical coordinates) of f's. */
        static Frame cut(Frame f, Geometry.Box box) {
            Geometry.Box cover = new Geometry.Box(f.coverX, f.coverY, f.coverW, f.coverH).intersect(box);
            double sx = f.scaleX();
            double sy = f.scaleY();
            int x0 = clamp((int) Math.floor((cover.x() - f.coverX) * sx + 1e-6), 0, f.width - 1);
            int y0 = clamp((int) Math.floor((cover.y() - f.coverY) * sy + 1e-6), 0, f.height - 1);
            int x1 = clamp((int) Math.ceil((cover.x() + cover.w() - f.coverX) * sx - 1e-6), x0 + 1, f.width);
            int y1 = clamp((int) Math.ceil((cover.y() + cover.h() - f.coverY) * sy - 1e-6), y0 + 1, f.height);
            int[] px = Resampler.crop(f.px, f.width, x0, y0, x1 - x0, y1 - y0);
            // the cover of the kept raster pixels, relative to the box
            double nx = f.coverX + x0 / sx - box.x();
            double ny = f.coverY + y0 / sy - box.y();
            return new Frame(px, x1 - x0, y1 - y0, f.alpha, (int) Math.round(box.w()), (int) Math.round(box.h()),
                    nx, ny, (x1 - x0) / sx, (y1 - y0) / sy);
        }

        private static int clamp(int v, int lo, int hi) {
            return Math.max(lo, Math.min(hi, v));
        }
    }

    /** FIT / FILL (at the gravity, smart included) / FORCE, never enlarging unless asked: one quality resample. */
    static final class ResizeStep implements RenderStep {
        @Override
        public String name() {
            return "resize";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            Geometry.Sizing s = Geometry.sizing(f.logicalWidth, f.logicalHeight, spec);
            double rx = 0;
            double ry = 0;
            if (s.crops(f.logicalWidth, f.logicalHeight)) {
                if (spec.gravity() == Gravity.SMART && spec.resize() == Resize.FILL) {
                    double[] at = ctx.decide("fill", () -> smart(f, s));
                    rx = at[0];
                    ry = at[1];
                } else {
                    double[] at = Geometry.place(f.logicalWidth, f.logicalHeight, s.regionW(), s.regionH(),
                            spec.gravity());
                    rx = at[0];
                    ry = at[1];
                }
            }
            if (f.isWhole() && s.outW() == f.width && s.outH() == f.height && rx == 0 && ry == 0
                    && s.regionW() == f.width && s.regionH() == f.height) {
                return f;
            }
            double sx = f.scaleX();
            double sy = f.scaleY();
            int[] px = Resampler.resize(f.px, f.width, f.height, f.alpha, (rx - f.coverX) * sx, (ry - f.coverY) * sy,
                    s.regionW() * sx, s.regionH() * sy, s.outW(), s.outH());
            return Frame.of(px, s.outW(), s.outH(), f.alpha);
        }

        private static double[] smart(Frame f, Geometry.Sizing s) {
            double sx = f.scaleX();
            double sy = f.scaleY();
            double[] at = SmartCrop.place(f.px, f.width, f.height, f.alpha, s.regionW() * sx, s.regionH() * sy);
            double x = f.coverX + at[0] / sx;
            double y = f.coverY + at[1] / sy;
            return new double[] {Math.max(0, Math.min(f.logicalWidth - s.regionW(), x)),
                    Math.max(0, Math.min(f.logicalHeight - s.regionH(), y))};
        }
    }

    /** Clockwise rotation by 90, 180 or 270 degrees. */
    static final class Rotate implements RenderStep {
        @Override
        public String name() {
            return "rotate";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            if (spec.rotate() == 0) {
                return f;
            }
            boolean swap = spec.rotate() != 180;
            int[] px = PixelOps.rotate(f.px, f.width, f.height, spec.rotate());
            return Frame.of(px, swap ? f.height : f.width, swap ? f.width : f.height, f.alpha);
        }
    }

    static final class Flip implements RenderStep {
        @Override
        public String name() {
            return "flip";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            if (!spec.flipX() && !spec.flipY()) {
                return f;
            }
            return Frame.of(PixelOps.flip(f.px, f.width, f.height, spec.flipX(), spec.flipY()), f.width, f.height,
                    f.alpha);
        }
    }

    /** Gaussian blur, sigma in output pixels. */
    static final class Blur implements RenderStep {
        @Override
        public String name() {
            return "blur";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            if (spec.blur() <= 0) {
                return f;
            }
            return f.withPixels(PixelOps.gaussian(f.px, f.width, f.height, f.alpha, spec.blur()), f.alpha);
        }
    }

    /** Unsharp mask with the given sigma (amount 1). */
    static final class Sharpen implements RenderStep {
        @Override
        public String name() {
            return "sharpen";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            if (spec.sharpen() <= 0) {
                return f;
            }
            return f.withPixels(PixelOps.sharpen(f.px, f.width, f.height, f.alpha, spec.sharpen(), 1.0), f.alpha);
        }
    }

    /** Flattens transparency onto the spec's background, or onto white when the output has no alpha (JPEG). */
    static final class Background implements RenderStep {
        @Override
        public String name() {
            return "background";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            if (!f.alpha || (spec.background() == null && ctx.outputHasAlpha())) {
                return f;
            }
            int rgb = spec.background() != null ? spec.background().argb() : 0xFFFFFFFF;
            return f.withPixels(PixelOps.flatten(f.px, rgb), false);
        }
    }

    /** The configured watermark at its position, offsets, opacity and scale. */
    static final class WatermarkStep implements RenderStep {
        @Override
        public String name() {
            return "watermark";
        }

        @Override
        public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
            VariantSpec.Watermark wm = spec.watermark();
            if (wm == null) {
                return f;
            }
            Rasters.Pixels mark = ctx.watermark();
            if (mark == null) {
                return f;
            }
            int[] mpx = mark.px();
            int mw = mark.width();
            int mh = mark.height();
            double target = wm.scale() > 0 ? wm.scale() * f.width : mw;
            // never larger than the image
            double s = Math.min(target / mw, Math.min((double) f.width / mw, (double) f.height / mh));
            if (Math.abs(s - 1) > 1e-9) {
                int nw = Math.max(1, (int) Math.round(mw * s));
                int nh = Math.max(1, (int) Math.round(mh * s));
                mpx = Resampler.resize(mpx, mw, mh, true, 0, 0, mw, mh, nw, nh);
                mw = nw;
                mh = nh;
            }
            int x = position(f.width, mw, wm.offsetX(), wm.position(), true);
            int y = position(f.height, mh, wm.offsetY(), wm.position(), false);
            // in place: a frame's pixels belong to the step that holds it
            PixelOps.over(f.px, f.width, f.height, f.alpha, mpx, mw, mh, x, y, wm.opacity());
            return f;
        }

        /** Offsets move the mark away from the edge it is anchored to (or right/down from the centre). */
        static int position(int outer, int size, int offset, Gravity g, boolean horizontal) {
            boolean start = horizontal
                    ? g == Gravity.WEST || g == Gravity.NORTH_WEST || g == Gravity.SOUTH_WEST
                    : g == Gravity.NORTH || g == Gravity.NORTH_WEST || g == Gravity.NORTH_EAST;
            boolean end = horizontal
                    ? g == Gravity.EAST || g == Gravity.NORTH_EAST || g == Gravity.SOUTH_EAST
                    : g == Gravity.SOUTH || g == Gravity.SOUTH_WEST || g == Gravity.SOUTH_EAST;
            if (start) {
                return offset;
            }
            if (end) {
                return outer - size - offset;
            }
            return (outer - size) / 2 + offset;
        }
    }
}
