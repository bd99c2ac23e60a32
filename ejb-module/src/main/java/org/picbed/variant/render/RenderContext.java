package org.picbed.variant.render;

import org.picbed.client.spec.Geometry;

import org.picbed.image.ImageFormat;
import org.picbed.image.format.SourceInfo;
import org.picbed.client.spec.VariantSpec;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the steps of one render share: settings, the source's header facts, the output format, the watermark,
 * and decisions that every frame of an animation must repeat (a smart crop is chosen on the first frame).
 */
final class RenderContext {

    final RenderSettings settings;
    final SourceInfo source;
    final ImageFormat output;
    /** The EXIF orientation to apply, composed with the spec's rotation and flip (see Geometry#orientation). */
    final int orientation;
    private final Supplier<Rasters.Pixels> watermark;
    private final Map<String, double[]> decisions = new HashMap<>();

    RenderContext(RenderSettings settings, SourceInfo source, VariantSpec spec, ImageFormat output,
                  Supplier<Rasters.Pixels> watermark) {
        this.settings = settings;
        this.source = source;
        this.output = output;
        this.orientation = Geometry.orientation(spec.autoRotate() ? source.orientation() : 1, spec.rotate(),
                spec.flipX());
        this.watermark = watermark;
    }

    /** Where the steps put the image; set by the crop step from the (oriented, trimmed) frame's size. */
    Geometry.Layout layout;

    /** JPEG has no alpha; GIF has 1-bit transparency, PNG and WebP full alpha. */
    boolean outputHasAlpha() {
        return output != ImageFormat.JPEG;
    }

    Rasters.Pixels watermark() {
        return watermark.get();
    }

    /** A decision made once per render (e.g. a smart crop position) and reused by later frames. */
    double[] decide(String name, Supplier<double[]> decision) {
        return decisions.computeIfAbsent(name, n -> decision.get());
    }
}
