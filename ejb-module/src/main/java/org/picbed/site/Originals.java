package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageId;
import org.picbed.integrity.BlobVerifier;
import org.picbed.integrity.Corruptions;
import org.picbed.purge.NodeCaches;
import org.picbed.storage.BlobStore;
import org.picbed.variant.serve.SourceBytes;

import java.io.IOException;
import java.util.Optional;

/**
 * An original's bytes from this site's store, or, when they have not arrived yet, from a peer site (read repair).
 * Bytes are checked against the id before they are rendered or served: a copy that does not hash to its id is
 * quarantined and replaced from a peer ({@link Corruptions}), never served.
 */
@ApplicationScoped
public class Originals implements SourceBytes {

    @Inject
    BlobStore blobs;

    @Inject
    ReadRepair repair;

    @Inject
    BlobVerifier verifier;

    @Inject
    Corruptions corruptions;

    /** A delete (or purge) of an image anywhere in the site: this node's local copy of it goes (s3 storage). */
    void listen(@Observes @Initialized(ApplicationScoped.class) Object started, NodeCaches nodeCaches) {
        nodeCaches.register(request -> request.image().ifPresent(blobs::forgetLocalCopy));
    }

    @Override
    public Optional<BlobStore.Blob> find(ImageId id) throws IOException {
        Optional<BlobStore.Blob> blob = blobs.find(id);
        if (blob.isPresent()) {
            return blob;
        }
        if (repair.repair(id)) {
            blob = blobs.find(id);
            if (blob.isPresent()) {
                corruptions.recovered(id);
            }
            return blob;
        }
        if (corruptions.isLost(id)) {
            throw damaged(id);   // quarantined here, no good copy anywhere yet: not a 404
        }
        return blob;
    }

    /**
     * The blob, read whole and hashed once per node (then remembered) before it is served; {@code where} names the
     * use in reports (original, peer).
     */
    public Optional<BlobStore.Blob> findVerified(ImageId id, String where) throws IOException {
        Optional<BlobStore.Blob> blob = find(id);
        if (blob.isEmpty() || verifier.verify(id, blob.get())) {
            return blob;
        }
        if (!corruptions.found(id, where)) {
            throw damaged(id);
        }
        blob = blobs.find(id);   // the peer's copy, verified as it was stored
        if (blob.isEmpty()) {
            throw damaged(id);
        }
        return blob;
    }

    @Override
    public Optional<byte[]> verifiedBytes(ImageId id) throws IOException {
        Optional<BlobStore.Blob> blob = find(id);
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = blob.get().readAll();
        if (BlobVerifier.matches(id, bytes)) {
            return Optional.of(bytes);
        }
        if (corruptions.found(id, "render")) {
            Optional<BlobStore.Blob> repaired = blobs.find(id);
            if (repaired.isPresent()) {
                bytes = repaired.get().readAll();
                if (BlobVerifier.matches(id, bytes)) {
                    return Optional.of(bytes);
                }
            }
        }
        throw damaged(id);
    }

    private static PicbedException damaged(ImageId id) {
        return new PicbedException(503, "image_damaged",
                "this site's copy of the image is damaged and no peer site has supplied a good one yet; retry later",
                "blob " + id.hex() + " does not hash to its id and was not repaired", null);
    }
}
