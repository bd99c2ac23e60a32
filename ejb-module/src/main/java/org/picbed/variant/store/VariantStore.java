package org.picbed.variant.store;

import org.picbed.image.DerivedCopies;
import org.picbed.variant.spec.VariantKey;

import java.io.IOException;
import java.util.Optional;

/** Port: rendered variants kept for later requests, grouped by their source image. */
public interface VariantStore extends DerivedCopies {

    Optional<StoredVariant> find(VariantKey key) throws IOException;

    /**
     * Whether asking for a variant that is not there costs next to nothing (a local file system); when not (an
     * object store: a request each), callers ask the catalog first and look only for variants recorded as ready.
     */
    boolean cheapToAsk();

    /** Stores the bytes under the key, atomically: readers see all of them or none. */
    void put(VariantKey key, byte[] bytes, boolean animationTruncated) throws IOException;

    boolean delete(VariantKey key) throws IOException;

    /** Removes every stored variant of every image (a purge of everything); returns how many there were. */
    int deleteEverything() throws IOException;

    /** Stored bytes, and whether an animation was cut to its first frame to stay within the frame budget. */
    record StoredVariant(byte[] bytes, boolean animationTruncated) {
    }
}
