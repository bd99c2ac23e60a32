package org.picbed.variant.url;

import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantSpec;

/**
 * A parsed variant URL: which image (stored, or a remote source URL still to be resolved into one), the resolved spec, and the extension asked for (one of
 * {@link OutputFormats#EXTENSIONS}, resolved per request with {@link OutputFormats#resolve}: {@code auto} from
 * the Accept header, {@link OutputFormats#SOURCE} from the original's format), and what the options ask of the
 * response besides its pixels: an expiry (epoch second, 0 = none), a download name, raw serving.
 */
public record VariantRequest(ImageId image, String remoteSource, VariantSpec spec, String extension, long expires,
                             String filename, boolean attachment, boolean raw) {

    public VariantRequest {
        if ((image == null) == (remoteSource == null) || spec == null || !(OutputFormats.isExtension(extension)
                || OutputFormats.SOURCE.equals(extension))) {
            throw new IllegalArgumentException("a variant request needs an image or a remote source, a spec and a"
                    + " variant extension");
        }
    }

    public VariantRequest(ImageId image, VariantSpec spec, String extension) {
        this(image, null, spec, extension, 0, null, false, false);
    }

    /** This request for the stored image its remote source was fetched into. */
    public VariantRequest resolved(ImageId stored) {
        return new VariantRequest(stored, null, spec, extension, expires, filename, attachment, raw);
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
