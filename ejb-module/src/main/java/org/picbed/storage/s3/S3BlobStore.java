package org.picbed.storage.s3;

import org.picbed.image.ImageId;
import org.picbed.storage.BlobStore;
import org.picbed.storage.StagingArea;
import org.picbed.storage.file.FileBlobStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as objects {@code blobs/<id>} in an S3-compatible bucket. Uploads are staged and hashed on local disk
 * ({@link StagingArea}), then put with {@code If-None-Match: *} and their SHA-256 (verified by the store), so an
 * existing object is never overwritten and a 2xx to the client follows the store's acknowledgement. Reads are
 * ranged GETs, or this node's local copy of the original ({@link LocalCopies}: recent uploads and renders).
 */
public class S3BlobStore implements BlobStore {

    static final String PREFIX = "blobs/";

    private final S3Bucket bucket;
    private final StagingArea staging;
    private final LocalCopies local;

    /** {@code localCopiesDir}: this node's copies of originals in front of the bucket, up to {@code localCopiesMegabytes} (0: none). */
    public S3BlobStore(S3Bucket bucket, StagingArea staging, Path localCopiesDir, long localCopiesMegabytes) {
        this.bucket = bucket;
        this.staging = staging;
        this.local = localCopiesMegabytes > 0 ? new LocalCopies(localCopiesDir, localCopiesMegabytes) : null;
    }

    static String keyOf(ImageId id) {
        return PREFIX + id.hex();
    }

    @Override
    public BlobWriter create() throws IOException {
        return staging.stage((id, staged, size) -> {
            if (local != null && local.find(id).isPresent() && bucket.head(keyOf(id)).isPresent()) {
                return false;   // a duplicate this node has seen: a HEAD instead of sending the bytes to be refused
            }
            boolean created = bucket.putIfAbsent(keyOf(id), staged, size, HexFormat.of().parseHex(id.hex()));
            if (local != null) {
                local.keepStaged(id, staged, size);   // acknowledged by the bucket (now or before): the same bytes
            }
            return created;
        });
    }

    @Override
    public Optional<Blob> find(ImageId id) throws IOException {
        if (local != null) {
            Optional<Path> copy = local.find(id);
            if (copy.isPresent()) {
                try {
                    return Optional.of(new LocalBlob(copy.get(), Files.size(copy.get())));
                } catch (NoSuchFileException e) {
                    local.forget(id);   // evicted meanwhile: ask the bucket
                }
            }
        }
        return findStored(id);
    }

    @Override
    public Optional<Blob> findStored(ImageId id) {
        return bucket.head(keyOf(id)).map(head -> new S3Blob(id, head.contentLength()));
    }

    @Override
    public boolean delete(ImageId id) {
        forgetLocalCopy(id);
        return bucket.delete(keyOf(id));
    }

    @Override
    public void forgetLocalCopy(ImageId id) {
        if (local != null) {
            local.forget(id);
        }
    }

    @Override
    public boolean quarantine(ImageId id) {
        forgetLocalCopy(id);
        return bucket.move(keyOf(id), "quarantine/" + id.hex() + "-" + System.currentTimeMillis());
    }

    @Override
    public Stream<ImageId> list() {
        return bucket.list(PREFIX).map(key -> ImageId.parse(key.substring(PREFIX.length()))).flatMap(Optional::stream);
    }

    @Override
    public String describe() {
        return bucket.settings().describe();
    }

    /** An original read from the bucket by ranged GETs; read whole (for a render), it is kept as a local copy. */
    private final class S3Blob implements Blob {
        private final ImageId id;
        private final String key;
        private final long size;

        S3Blob(ImageId id, long size) {
            this.id = id;
            this.key = keyOf(id);
            this.size = size;
        }

        @Override
        public byte[] readAll() throws IOException {
            byte[] bytes = Blob.super.readAll();
            if (local != null) {
                local.keepRead(id, bytes);
            }
            return bytes;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open(long start, long length) throws IOException {
            if (start < 0 || length < 0 || start + length > size) {
                throw new IOException("range outside the blob");
            }
            return bucket.get(key, start, length);
        }
    }

    /** This node's copy of an original the bucket holds. */
    private record LocalBlob(Path path, long size) implements Blob {
        @Override
        public InputStream open(long start, long length) throws IOException {
            return FileBlobStore.openRange(path, size, start, length);
        }
    }
}
