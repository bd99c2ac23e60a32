package org.picbed.health;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** All components' health; the whole serves (UP or DEGRADED) only when every component does. */
public record HealthReport(SortedMap<String, ComponentHealth> components) {

    public HealthReport {
        components = Collections.unmodifiableSortedMap(new TreeMap<>(components));
    }

    public boolean isUp() {
        return !components.isEmpty() && components.values().stream().allMatch(ComponentHealth::isUp);
    }

    /** DOWN if any component is down, else DEGRADED if any is degraded, else UP. */
    public ComponentHealth.Status status() {
        if (!isUp()) {
            return ComponentHealth.Status.DOWN;
        }
        return components.values().stream().anyMatch(c -> c.status() == ComponentHealth.Status.DEGRADED)
                ? ComponentHealth.Status.DEGRADED : ComponentHealth.Status.UP;
    }
}
