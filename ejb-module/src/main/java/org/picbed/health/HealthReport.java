package org.picbed.health;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** All components' health; the whole is UP only when every component is. */
public record HealthReport(SortedMap<String, ComponentHealth> components) {

    public HealthReport {
        components = Collections.unmodifiableSortedMap(new TreeMap<>(components));
    }

    public boolean isUp() {
        return !components.isEmpty() && components.values().stream().allMatch(ComponentHealth::isUp);
    }

    public ComponentHealth.Status status() {
        return isUp() ? ComponentHealth.Status.UP : ComponentHealth.Status.DOWN;
    }
}
