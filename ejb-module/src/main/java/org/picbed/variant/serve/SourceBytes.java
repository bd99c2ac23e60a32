package org.picbed.variant.serve;

import org.picbed.image.ImageId;
import org.picbed.storage.BlobStore;

import java.io.IOException;
import java.util.Optional;

/**
 * Port: an original's bytes to render from, wherever this site gets them (its own store, or a peer site when
 * they have not arrived yet). Implemented by {@code site.Originals}.
 */
public interface SourceBytes {

    Optional<BlobStore.Blob> find(ImageId id) throws IOException;

    /**
     * The original's whole bytes, checked against its id first (a corrupt copy is quarantined and replaced from a
     * peer, or the read fails with 503): empty when no site has the image.
     */
    Optional<byte[]> verifiedBytes(ImageId id) throws IOException;
}
