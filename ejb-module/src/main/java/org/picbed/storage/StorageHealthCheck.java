package org.picbed.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.health.ComponentHealth;
import org.picbed.health.HealthCheck;

import java.util.Map;

/** UP when the blob volume takes a durable write and has room left. */
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {

    static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

    @Inject
    StorageSettings settings;

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
        return ComponentHealth.up(Map.of("freeMegabytes", free / (1024 * 1024)));
    }
}
