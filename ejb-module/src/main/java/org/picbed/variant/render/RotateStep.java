package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

/** Clockwise rotation by 90, 180 or 270 degrees. */
final class RotateStep implements RenderStep {
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
