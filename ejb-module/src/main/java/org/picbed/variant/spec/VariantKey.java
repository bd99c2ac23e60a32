package org.picbed.variant.spec;

import org.picbed.client.spec.VariantSpec;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One derived image: the source image, the resolved spec and the output format. {@link #key()} names it in
 * the hot cache, the blob store, the variant table and its ETag; equal outputs have equal keys.
 */
public record VariantKey(ImageId image, VariantSpec spec, ImageFormat format) {

    public VariantKey {
        if (image == null || spec == null || !isOutput(format)) {
            throw new IllegalArgumentException("a variant needs an image, a spec and an output format");
        }
        spec = spec.forOutput(format.extension()); // fq:webp:70 and q:70 make the same WebP

    }

    /** The formats a variant can be written in. */
    public static boolean isOutput(ImageFormat format) {
        return format == ImageFormat.JPEG || format == ImageFormat.PNG || format == ImageFormat.GIF
                || format == ImageFormat.WEBP || format == ImageFormat.AVIF;
    }

    /** {@code <image id>/<canonical spec>.<ext>}: readable, and unique per output. */
    public String key() {
        return image.hex() + "/" + spec.canonical() + "." + format.extension();
    }

    /** The strong ETag of the variant's bytes: its digest, quoted. */
    public String etag() {
        return "\"" + digest() + "\"";
    }

    /** A short fixed-length digest of {@link #key()}: file names, ETags, database keys. */
    public String digest() {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(key().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
