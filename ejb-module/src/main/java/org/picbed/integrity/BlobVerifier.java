package org.picbed.integrity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.picbed.image.ImageId;
import org.picbed.storage.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Whether bytes hash to their id. Blobs this node has verified are remembered for a while (content-addressed: a
 * good copy stays good unless the medium rots, which is the scrubber's job), so serving an original costs one
 * extra read per node, not one per request.
 */
@ApplicationScoped
public class BlobVerifier {

    private final Cache<ImageId, Boolean> verified = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterWrite(Duration.ofHours(6)).build();

    public static boolean matches(ImageId id, byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes)).equals(id.hex());
    }

    /** The blob's bytes hash to its id (read whole unless this node checked it recently). */
    public boolean verify(ImageId id, BlobStore.Blob blob) throws IOException {
        if (verified.getIfPresent(id) != null) {
            return true;
        }
        boolean good = rehash(id, blob, Pacer.UNBOUNDED);
        if (good) {
            verified.put(id, Boolean.TRUE);
        }
        return good;
    }

    /** Reads the whole blob again, as fast as {@code pacer} lets it, and compares its hash with the id. */
    public boolean rehash(ImageId id, BlobStore.Blob blob, Pacer pacer) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = blob.open()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                pacer.read(n);
            }
        }
        boolean good = HexFormat.of().formatHex(digest.digest()).equals(id.hex());
        if (good) {
            verified.put(id, Boolean.TRUE);
        } else {
            verified.invalidate(id);
        }
        return good;
    }

    /** A copy known bad or gone: checked again before its next use. */
    public void forget(ImageId id) {
        verified.invalidate(id);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
