package org.picbed.variant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;

import java.util.List;

/**
 * The variants rendered ahead of any request when an image is uploaded: every eager preset
 * ({@code PICBED_EAGER_PRESETS}, by default {@code thumb} and {@code small}), in the format a preset URL with the
 * original's extension asks for.
 */
@ApplicationScoped
public class EagerVariants {

    @Inject
    Presets presets;

    @Inject
    VariantOptions options;

    public List<VariantCatalog.Requested> of(ImageId image, ImageFormat source) {
        ImageFormat format = outputFor(source);
        return presets.eager().stream()
                .map(p -> new VariantCatalog.Requested(new VariantKey(image, options.parse(p.options()), format), p.name()))
                .toList();
    }

    /** Originals keep their format where it is an output format; BMP and ICO become PNG. */
    public static ImageFormat outputFor(ImageFormat source) {
        return VariantKey.isOutput(source) ? source : ImageFormat.PNG;
    }
}
