package org.picbed.variant.render;

import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.VariantSpec;

/**
 * The configured watermark with imgproxy's rules: at its own size, or fitted into {@code scale} times the image;
 * placed at a position with offsets (scaled by the dpr; it may stick out and is cut), or replicated over the
 * whole image with the offsets as spacing.
 */
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
        if (wm.scale() > 0) { // fit into the box, enlarging if needed
            double boxW = Math.max(1, Math.rint(f.width * wm.scale()));
            double boxH = Math.max(1, Math.rint(f.height * wm.scale()));
            double s = Math.min(boxW / mw, boxH / mh);
            int nw = Math.max(1, (int) Math.round(mw * s));
            int nh = Math.max(1, (int) Math.round(mh * s));
            if (nw != mw || nh != mh) {
                mpx = Resampler.resize(mpx, mw, mh, true, 0, 0, mw, mh, nw, nh);
                mw = nw;
                mh = nh;
            }
        }
        double dpr = ctx.layout == null ? 1 : ctx.layout.dprScale();
        // in place: a frame's pixels belong to the step that holds it
        if (wm.replicate()) {
            int gapX = spacing(wm.position().x(), f.width, dpr);
            int gapY = spacing(wm.position().y(), f.height, dpr);
            int cellW = mw + gapX;
            int cellH = mh + gapY;
            for (int y = 0; y < f.height; y += cellH) {
                for (int x = 0; x < f.width; x += cellW) {
                    PixelOps.over(f.px, f.width, f.height, f.alpha, mpx, mw, mh, x + gapX / 2, y + gapY / 2,
                            wm.opacity());
                }
            }
            return f;
        }
        int[] at = Geometry.position(f.width, f.height, mw, mh, wm.position(), dpr, true);
        PixelOps.over(f.px, f.width, f.height, f.alpha, mpx, mw, mh, at[0], at[1], wm.opacity());
        return f;
    }

    /** Space between replicated marks: pixels (at least 1, times the dpr) or a fraction of the image's side. */
    private static int spacing(double offset, int side, double dpr) {
        return (int) Math.max(0, Math.rint(Math.abs(offset) >= 1 ? offset * dpr : side * offset));
    }
}
