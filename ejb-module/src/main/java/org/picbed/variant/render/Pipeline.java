package org.picbed.variant.render;

import org.picbed.client.spec.VariantSpec;

import java.util.List;

/**
 * The steps between decode and encode, in order. Decoding already applied what it could (a reduced-scale or
 * region decode, see {@link Decoder}); each step here maps the raster to the logical image through the frame's
 * cover rectangle, so it works on whatever resolution the decoder delivered. One file per step
 * ({@code *Step.java}), as in imgproxy's processing/, in imgproxy's order: the orientation step turns the image as
 * EXIF, {@code rotate} and {@code flip} ask (one transform), so every later step works on the image as shown.
 */
final class Pipeline {

    static final List<RenderStep> STEPS = List.of(
            new OrientStep(), new TrimStep(), new CropStep(), new ResizeStep(), new BlurStep(), new SharpenStep(),
            new PixelateStep(), new ExtendStep(), new BackgroundStep(), new WatermarkStep());

    private Pipeline() {
    }

    static Frame run(Frame f, VariantSpec spec, RenderContext ctx) throws RenderException {
        for (RenderStep step : STEPS) {
            f = step.apply(f, spec, ctx);
        }
        return f;
    }
}
