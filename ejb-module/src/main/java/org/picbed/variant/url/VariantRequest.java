package org.picbed.variant.url;

import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantSpec;

/**
 * A parsed variant URL: which image, the resolved spec, and the extension asked for (one of
 * {@link OutputFormats#EXTENSIONS}; {@code auto} is resolved per request with {@link OutputFormats#resolve}).
 */
public record VariantRequest(ImageId image, VariantSpec spec, String extension) {

    public VariantRequest {
        if (image == null || spec == null || !OutputFormats.isExtension(extension)) {
            throw new IllegalArgumentException("a variant request needs an image, a spec and a variant extension");
        }
    }

    /** The variant to serve once the output format is known. */
    public VariantKey key(ImageFormat format) {
        return new VariantKey(image, spec, format);
    }
}
