package org.picbed.storage.s3;

import org.picbed.image.ImageId;
import org.picbed.storage.BlobStore;
import org.picbed.storage.StagingArea;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as objects {@code blobs/<id>} in an S3-compatible bucket. Uploads are staged and hashed on local disk
 * ({@link StagingArea}), then put with {@code If-None-Match: *} and their SHA-256 (verified by the store), so an
 * existing object is never overwritten and a 2xx to the client follows the store's acknowledgement. Reads are
 * ranged GETs.
 */
public class S3BlobStore implements BlobStore {

    static final String PREFIX = "blobs/";

    private final S3Bucket bucket;
    private final StagingArea staging;

    public S3BlobStore(S3Bucket bucket, StagingArea staging) {
        this.bucket = bucket;
        this.staging = staging;
    }

    static String keyOf(ImageId id) {
        return PREFIX + id.hex();
    }

    @Override
    public BlobWriter create() throws IOException {
        return staging.stage((id, staged, size) -> bucket.putIfAbsent(keyOf(id), staged, size, HexFormat.of().parseHex(id.hex())));
    }

    @Override
    public Optional<Blob> find(ImageId id) {
        return bucket.head(keyOf(id)).map(head -> new S3Blob(keyOf(id), head.contentLength()));
    }

    @Override
    public boolean delete(ImageId id) {
        return bucket.delete(keyOf(id));
    }

    @Override
    public boolean quarantine(ImageId id) {
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

    private final class S3Blob implements Blob {
        private final String key;
        private final long size;

        S3Blob(String key, long size) {
            this.key = key;
            this.size = size;
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
}
