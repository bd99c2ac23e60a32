package org.picbed.storage.backend;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.picbed.config.Settings;
import org.picbed.storage.BlobStore;
import org.picbed.storage.StagingArea;
import org.picbed.storage.StorageSettings;
import org.picbed.storage.file.FileBlobStore;
import org.picbed.storage.s3.S3BlobStore;
import org.picbed.storage.s3.S3Bucket;
import org.picbed.storage.s3.S3Settings;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the blob store adapter once per deployment ({@code PICBED_STORAGE}) and owns what it needs: the local
 * staging area, and for {@code s3} the bucket's client (closed on undeploy).
 */
@ApplicationScoped
public class StorageBackends {

    private static final Logger LOG = Logger.getLogger(StorageBackends.class.getName());

    private StorageSettings settings;
    private StagingArea staging;
    private S3Bucket bucket;
    private BlobStore blobs;

    public StorageBackends() {
    }

    @Inject
    StorageBackends(Settings all) {
        settings = StorageSettings.from(all);
        staging = new StagingArea(settings.blobDir().resolve("tmp"));
        if (settings.backend() == StorageSettings.Backend.S3) {
            bucket = new S3Bucket(S3Settings.from(all));
            blobs = new S3BlobStore(bucket, staging, settings.blobDir().resolve("local-copies"),
                    all.getLong("s3.local.copies.mb", 2048));
        } else {
            blobs = new FileBlobStore(settings.blobDir(), staging);
        }
        LOG.info(() -> "image storage: " + blobs.describe() + " (staging in " + staging.directory() + ")");
    }

    @Produces
    @Singleton
    StorageSettings settings() {
        return settings;
    }

    @Produces
    @Singleton
    BlobStore blobStore() {
        return blobs;
    }

    /** The bucket when {@code PICBED_STORAGE=s3}: variants are kept there too. */
    public Optional<S3Bucket> bucket() {
        return Optional.ofNullable(bucket);
    }

    @PreDestroy
    void close() {
        if (bucket != null) {
            bucket.close();
        }
    }
}
