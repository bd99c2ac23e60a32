package org.picbed.variant.url;

import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantSpec;

/**
 * A parsed variant URL: which image, the resolved spec, and the extension asked for (one of
 * {@link OutputFormats#EXTENSIONS}, resolved per request with {@link OutputFormats#resolve}: {@code auto} from
 * the Accept header, {@link OutputFormats#SOURCE} from the original's format), and what the options ask of the
 * response besides its pixels: an expiry (epoch second, 0 = none), a download name, raw serving.
 */
public record VariantRequest(ImageId image, VariantSpec spec, String extension, long expires, String filename,
                             boolean attachment, boolean raw) {

    public VariantRequest {
        if (image == null || spec == null || !(OutputFormats.isExtension(extension)
                || OutputFormats.SOURCE.equals(extension))) {
            throw new IllegalArgumentException("a variant request needs an image, a spec and a variant extension");
        }
    }

    public VariantRequest(ImageId image, VariantSpec spec, String extension) {
        this(image, spec, extension, 0, null, false, false);
    }

    /** Whether the URL's {@code expires} has passed. */
    public boolean expired(long nowEpochSecond) {
        return expires > 0 && expires < nowEpochSecond;
    }

    /** The variant to serve once the output format is known. */
    public VariantKey key(ImageFormat format) {
        return new VariantKey(image, spec, format);
    }
}
