package org.picbed.variant.serve;

import org.picbed.image.ImageId;
import org.picbed.storage.BlobStore;

import java.io.IOException;
import java.util.Optional;

/**
 * Port: an original's bytes to render from, wherever this site gets them (its own volume, or a peer site when
 * they have not arrived yet). Implemented by {@code site.Originals}.
 */
public interface SourceBytes {

    Optional<BlobStore.Blob> find(ImageId id) throws IOException;
}
