package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

/** Gaussian blur, sigma in output pixels. */
final class BlurStep implements RenderStep {
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
