package org.picbed.variant.render;

import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.VariantSpec;

/** The configured watermark at its position, offsets, opacity and scale. */
final class WatermarkStep implements RenderStep {
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
