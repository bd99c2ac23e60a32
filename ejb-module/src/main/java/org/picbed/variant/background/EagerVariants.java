package org.picbed.variant.background;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.picbed.image.ImageCreated;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.client.spec.Presets;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantOptions;
import org.picbed.variant.store.VariantCatalog;

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

    @Inject
    VariantCatalog catalog;

    /** A new image gets its eager variants recorded as requested, in the transaction that created it. */
    void recordRequested(@Observes ImageCreated created) {
        catalog.requested(of(created.id(), created.format()));
    }

    public List<VariantCatalog.Requested> of(ImageId image, ImageFormat source) {
        ImageFormat format = outputFor(source);
        return presets.eager().stream()
                .map(p -> new VariantCatalog.Requested(new VariantKey(image, options.parse(p.options()), format), p.name()))
                .toList();
    }

    /** Originals keep their format where it is an output format; HEIC photos become JPEG, BMP and ICO PNG. */
    public static ImageFormat outputFor(ImageFormat source) {
        return VariantKey.isOutput(source) ? source : source == ImageFormat.HEIC ? ImageFormat.JPEG : ImageFormat.PNG;
    }
}
