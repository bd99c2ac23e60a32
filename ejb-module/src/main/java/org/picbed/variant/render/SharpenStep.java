package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

/** Unsharp mask with the given sigma (amount 1). */
final class SharpenStep implements RenderStep {
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
