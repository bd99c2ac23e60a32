package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

final class FlipStep implements RenderStep {
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
