package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

import java.util.List;

/**
 * The steps between decode and encode, in order. Decoding already applied what it could (a reduced-scale or
 * region decode, see {@link Decoder}); each step here maps the raster to the logical image through the frame's
 * cover rectangle, so it works on whatever resolution the decoder delivered. One file per step
 * ({@code *Step.java}), as in imgproxy's processing/.
 */
final class Pipeline {

    static final List<RenderStep> STEPS = List.of(
            new OrientStep(), new CropStep(), new ResizeStep(), new RotateStep(), new FlipStep(), new BlurStep(),
            new SharpenStep(), new BackgroundStep(), new WatermarkStep());

    private Pipeline() {
    }

    static Frame run(Frame f, VariantSpec spec, RenderContext ctx) throws RenderException {
        for (RenderStep step : STEPS) {
            f = step.apply(f, spec, ctx);
        }
        return f;
    }
}
