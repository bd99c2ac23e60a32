package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

/** Flattens transparency onto the spec's background, or onto white when the output has no alpha (JPEG). */
final class BackgroundStep implements RenderStep {
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
