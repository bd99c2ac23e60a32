package org.picbed.variant.render;

import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.VariantSpec;

/**
 * Lays the spec out on the image as it now shows (oriented, trimmed), then crops the source to the spec's
 * {@code crop} at its position (smart: the most detailed window).
 */
final class CropStep implements RenderStep {
    @Override
    public String name() {
        return "crop";
    }

    @Override
    public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
        ctx.layout = Geometry.layout(f.logicalWidth, f.logicalHeight, spec);
        VariantSpec.Crop crop = spec.crop();
        int cw = ctx.layout.cropW();
        int ch = ctx.layout.cropH();
        if (crop == null || cw >= f.logicalWidth && ch >= f.logicalHeight) {
            return f;
        }
        double cx;
        double cy;
        if (crop.gravity().type() == Gravity.SMART) {
            double[] at = ctx.decide("crop", () -> smart(f, cw, ch));
            cx = at[0];
            cy = at[1];
        } else {
            int[] at = Geometry.position(f.logicalWidth, f.logicalHeight, cw, ch, crop.gravity(), 1, false);
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
