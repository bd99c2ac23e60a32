package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

/** Pixelation: each block of {@code pixelate x pixelate} pixels becomes its mean colour (edge blocks are smaller). */
final class PixelateStep implements RenderStep {
    @Override
    public String name() {
        return "pixelate";
    }

    @Override
    public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
        int n = spec.pixelate();
        if (n <= 1) {
            return f;
        }
        return f.withPixels(PixelOps.pixelate(f.px, f.width, f.height, f.alpha, n), f.alpha);
    }
}
