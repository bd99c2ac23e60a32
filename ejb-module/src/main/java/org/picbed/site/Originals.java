package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.image.ImageId;
import org.picbed.storage.BlobStore;
import org.picbed.variant.serve.SourceBytes;

import java.io.IOException;
import java.util.Optional;

/** An original's bytes from this site's volume, or, when they have not arrived yet, from a peer site (read repair). */
@ApplicationScoped
public class Originals implements SourceBytes {

    @Inject
    BlobStore blobs;

    @Inject
    ReadRepair repair;

    @Override
    public Optional<BlobStore.Blob> find(ImageId id) throws IOException {
        Optional<BlobStore.Blob> blob = blobs.find(id);
        if (blob.isPresent() || !repair.repair(id)) {
            return blob;
        }
        return blobs.find(id);
    }
}
