package org.picbed.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.health.ComponentHealth;
import org.picbed.health.HealthCheck;

import java.util.Map;

/** UP when the hot-image cache is running; reports how many nodes share it and its memory bound. */
@ApplicationScoped
public class CacheHealthCheck implements HealthCheck {

    @Inject
    HotImageCache cache;

    @Override
    public String component() {
        return "cache";
    }

    @Override
    public ComponentHealth check() {
        if (!cache.isRunning()) {
            return ComponentHealth.down("not_running");
        }
        return ComponentHealth.up(Map.of(
                "members", cache.members().size(),
                "maxMegabytes", cache.settings().maxBytes() / (1024 * 1024)));
    }
}
