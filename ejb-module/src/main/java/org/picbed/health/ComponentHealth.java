package org.picbed.health;

import java.util.Map;

/** The state of one component, with a few details safe to show to anyone (no paths, hosts or SQL). */
public record ComponentHealth(Status status, String reason, Map<String, Object> details) {

    public enum Status { UP, DOWN }

    public ComponentHealth {
        details = Map.copyOf(details);
    }

    public static ComponentHealth up(Map<String, Object> details) {
        return new ComponentHealth(Status.UP, null, details);
    }

    public static ComponentHealth up() {
        return up(Map.of());
    }

    public static ComponentHealth down(String reason) {
        return new ComponentHealth(Status.DOWN, reason, Map.of());
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
