package org.picbed.variant.store;

import org.picbed.image.ImageId;
import org.picbed.storage.s3.S3Bucket;
import org.picbed.variant.spec.VariantKey;

import java.util.Map;
import java.util.Optional;

/**
 * Variants as objects {@code variants/<image id>/<key digest>.<ext>} in the blob bucket, so all of an image's
 * variants go with one prefix. A put replaces the object whole (renders are deterministic); a GIF cut to its
 * first frame carries that in the object's metadata.
 */
public class S3VariantStore implements VariantStore {

    static final String PREFIX = "variants/";
    private static final String TRUNCATED = "animation-truncated";

    private final S3Bucket bucket;

    public S3VariantStore(S3Bucket bucket) {
        this.bucket = bucket;
    }

    static String keyOf(VariantKey key) {
        return PREFIX + key.image().hex() + "/" + key.digest() + "." + key.format().extension();
    }

    @Override
    public Optional<StoredVariant> find(VariantKey key) {
        return bucket.getAll(keyOf(key))
                .filter(fetched -> fetched.bytes().length > 0)
                .map(fetched -> new StoredVariant(fetched.bytes(), "true".equals(fetched.metadata().get(TRUNCATED))));
    }

    @Override
    public boolean cheapToAsk() {
        return false;
    }

    @Override
    public void put(VariantKey key, byte[] bytes, boolean animationTruncated) {
        bucket.put(keyOf(key), bytes, animationTruncated ? Map.of(TRUNCATED, "true") : Map.of());
    }

    @Override
    public boolean delete(VariantKey key) {
        return bucket.delete(keyOf(key));
    }

    @Override
    public int deleteAll(ImageId image) {
        return bucket.deletePrefix(PREFIX + image.hex() + "/");
    }

    @Override
    public int deleteEverything() {
        return bucket.deletePrefix(PREFIX);
    }
}
