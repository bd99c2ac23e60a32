package org.picbed.variant.render;

import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.VariantSpec;

/** EXIF orientation: the stored raster turned the way the camera was held. */
final class OrientStep implements RenderStep {
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
