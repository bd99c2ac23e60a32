package org.picbed.image;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.auth.Uploader;
import org.picbed.cache.HotImageCache;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;
import org.picbed.image.format.ImageFormats;
import org.picbed.image.format.ImageInfo;
import org.picbed.image.format.ImageLimits;
import org.picbed.image.format.UploadRejected;
import org.picbed.metrics.Meters;
import org.picbed.storage.BlobStore;
import org.picbed.storage.TeeInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Storing and deleting images. Ingestion takes one uploaded file from the wire to an acknowledged image, in one pass over its bytes: they are hashed
 * and staged while the inspector checks format, limits and structure; nothing is stored unless all checks pass.
 * Then the blob is made durable under its SHA-256 and the metadata is committed (with its events). If the
 * metadata cannot be committed, a blob this upload created is removed again.
 */
@ApplicationScoped
public class Images {

    private static final Logger LOG = Logger.getLogger(Images.class.getName());

    private ImageLimits limits;
    private final ReentrantLock[] stripes = new ReentrantLock[256];

    @Inject
    BlobStore blobs;

    @Inject
    void configure(Settings settings) {
        limits = ImageLimits.from(settings);
    }

    @Inject
    ImageCatalog catalog;

    @Inject
    DerivedCopies derivedCopies;

    @Inject
    HotImageCache hot;

    private Timer uploads;
    private DistributionSummary uploadSizes;

    @Inject
    void meters(Meters meters) {
        uploads = meters.latency("picbed.upload", "Images uploaded: receiving, checking, storing and recording one file");
        uploadSizes = meters.bytes("picbed.upload.size", "Bytes of the images uploaded");
    }

    public Images() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public ImageLimits limits() {
        return limits;
    }

    /** What the bytes are, checked as an upload is (format by content, size limits); 4xx when not acceptable. */
    public ImageInfo inspect(byte[] bytes) throws IOException {
        return ImageFormats.inspect(new java.io.ByteArrayInputStream(bytes), limits);
    }

    public Ingested ingest(InputStream content, String clientFileName, Uploader uploader, String idempotencyKey) throws IOException {
        return ingest(content, clientFileName, uploader, idempotencyKey, limits);
    }

    /**
     * Ingests under {@code limits} instead of the server's (an upload token's narrower ones: fewer bytes, fewer
     * formats), checked in the same single pass, so a refused file leaves nothing behind either.
     */
    public Ingested ingest(InputStream content, String clientFileName, Uploader uploader, String idempotencyKey,
                           ImageLimits limits) throws IOException {
        long start = System.nanoTime();
        String displayName = DisplayNames.of(clientFileName).orElse(null);
        try (BlobStore.BlobWriter writer = blobs.create()) {
            ImageInfo info = stage(content, writer, limits);
            ImageId id = writer.seal();
            String name = displayName != null ? displayName : id.hex().substring(0, 12) + "." + info.format().extension();
            ReentrantLock lock = lockFor(id);
            lock.lock();
            try {
                BlobStore.Stored stored = writer.store();
                try {
                    ImageCatalog.Recorded recorded = recordWithRetry(id, info, stored.size(), name, uploader, idempotencyKey);
                    uploads.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    uploadSizes.record(stored.size());
                    return new Ingested(recorded.image(), name, recorded.created());
                } catch (RuntimeException e) {
                    if (stored.created()) {
                        blobs.delete(id);
                    }
                    throw unavailable(e);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Stores a copy of an image that site {@code origin} holds under {@code expected} (replication, read repair):
     * the bytes must hash to that id and pass the same inspection as an upload. Returns whether the image is here
     * now (false: it was deleted here, and stays deleted).
     */
    public boolean adopt(ImageId expected, InputStream content, String origin, Instant createdAt) throws IOException {
        if (blobs.find(expected).isPresent() && catalog.find(expected).isPresent()) {
            return true;
        }
        try (BlobStore.BlobWriter writer = blobs.create()) {
            ImageInfo info = stage(content, writer, limits);
            ImageId id = writer.seal();
            if (!id.equals(expected)) {
                throw new ReplicaMismatch(expected, id);
            }
            ReentrantLock lock = lockFor(id);
            lock.lock();
            try {
                BlobStore.Stored stored = writer.store();
                try {
                    if (catalog.recordReplica(id, info, stored.size(), origin, createdAt) || catalog.find(id).isPresent()) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    if (catalog.find(id).isPresent()) {
                        return true;   // another consumer or node recorded it at the same moment
                    }
                    if (stored.created()) {
                        blobs.delete(id);
                    }
                    throw unavailable(e);
                }
                if (stored.created()) {
                    blobs.delete(id);   // deleted here after the copy was made: it stays deleted
                }
                return false;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Applies a delete made at site {@code origin}: blob, variants and hot copies go, and a tombstone stays. */
    public void deleteReplica(ImageId id, String origin, Instant at) throws IOException {
        ReentrantLock lock = lockFor(id);
        lock.lock();
        try {
            Optional<Image> image = catalog.find(id);
            if (image.isPresent() && image.get().createdAt().isAfter(at)) {
                return;   // uploaded again after that delete
            }
            dropBytes(id);
            try {
                catalog.deleteReplica(id, origin, at);
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes an image for good: the blob first (so it is not served a moment longer), then rows and tombstone.
     * Returns false when there is no such image.
     */
    public boolean delete(ImageId id, Uploader who) throws IOException {
        ReentrantLock lock = lockFor(id);
        lock.lock();
        try {
            if (catalog.find(id).isEmpty()) {
                return false;
            }
            dropBytes(id);
            try {
                return catalog.delete(id, who);
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One pass over the bytes: hashed and staged by the writer while the inspector checks them (size limit included). */
    private static ImageInfo stage(InputStream content, BlobStore.BlobWriter writer, ImageLimits limits) throws IOException {
        TeeInputStream tee = new TeeInputStream(new Limited(content, limits.maxBytes()), writer.output());
        ImageInfo info = ImageFormats.inspect(tee, limits);
        tee.drain();
        return info;
    }

    /** The original's blob first (so it is not served a moment longer), then its variants and hot copies. */
    private void dropBytes(ImageId id) throws IOException {
        blobs.delete(id);
        derivedCopies.deleteAll(id);
        hot.evictPrefix(id.hex() + "/");
    }

    /** Uploads and deletes of the same bytes on this node take turns. */
    private ReentrantLock lockFor(ImageId id) {
        return stripes[Integer.parseInt(id.hex().substring(0, 2), 16)];
    }

    /** Another node may have recorded the same bytes between our read and our insert: then it simply exists. */
    private ImageCatalog.Recorded recordWithRetry(ImageId id, ImageInfo info, long size, String name, Uploader uploader, String key) {
        try {
            return catalog.record(id, info, size, name, uploader, key);
        } catch (RuntimeException first) {
            if (catalog.find(id).isPresent()) {
                return catalog.record(id, info, size, name, uploader, key);
            }
            throw first;
        }
    }

    private static PicbedException unavailable(RuntimeException e) {
        if (e instanceof PicbedException p) {
            return p;
        }
        LOG.log(Level.WARNING, "could not write image metadata; the client is told to retry", e);
        return new PicbedException(503, "unavailable", "the image could not be stored right now; retry later",
                "catalog write failed", e);
    }

    /** Bytes from a peer that do not hash to the id they were sent for (corrupted or wrong): never stored. */
    public static final class ReplicaMismatch extends IOException {
        public ReplicaMismatch(ImageId expected, ImageId actual) {
            super("bytes for " + expected.hex() + " hash to " + actual.hex());
        }
    }

    public record Ingested(Image image, String displayName, boolean created) {
    }

    /** Refuses (413) a file larger than the limit as soon as the limit is passed. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw UploadRejected.fileTooLarge(max);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw UploadRejected.fileTooLarge(max);
            }
            return n;
        }
    }
}
