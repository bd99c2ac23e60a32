package org.picbed.storage.backend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.health.ComponentHealth;
import org.picbed.health.HealthCheck;
import org.picbed.storage.StorageProbe;
import org.picbed.storage.StorageSettings;
import org.picbed.storage.StorageUnavailable;
import org.picbed.storage.s3.S3Bucket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * UP when the local volume (the blobs with file storage; the staging area with s3) takes a durable write and has
 * room left, and, with s3, the bucket answers. DOWN says which and why.
 */
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {

    static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

    @Inject
    StorageSettings settings;

    @Inject
    StorageBackends backends;

    @Override
    public String component() {
        return "storage";
    }

    @Override
    public ComponentHealth check() throws Exception {
        long free = StorageProbe.probe(settings.blobDir());
        if (free < MIN_FREE_BYTES) {
            return ComponentHealth.down("disk_full");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backend", settings.backend().name().toLowerCase(java.util.Locale.ROOT));
        details.put("freeMegabytes", free / (1024 * 1024));
        Optional<S3Bucket> bucket = backends.bucket();
        if (bucket.isPresent()) {
            try {
                bucket.get().probe();
            } catch (StorageUnavailable e) {
                return ComponentHealth.down("object_store_unreachable: " + e.reason());
            }
        }
        return ComponentHealth.up(details);
    }
}
