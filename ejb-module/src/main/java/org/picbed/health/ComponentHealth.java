package org.picbed.health;

import java.util.Map;

/** The state of one component, with a few details safe to show to anyone (no paths, hosts or SQL). */
public record ComponentHealth(Status status, String reason, Map<String, Object> details) {

    /** DEGRADED: working, but something needs attention (e.g. a peer site is unreachable); still serves. */
    public enum Status { UP, DEGRADED, DOWN }

    public ComponentHealth {
        details = Map.copyOf(details);
    }

    public static ComponentHealth up(Map<String, Object> details) {
        return new ComponentHealth(Status.UP, null, details);
    }

    public static ComponentHealth up() {
        return up(Map.of());
    }

    public static ComponentHealth degraded(String reason, Map<String, Object> details) {
        return new ComponentHealth(Status.DEGRADED, reason, details);
    }

    public static ComponentHealth down(String reason) {
        return new ComponentHealth(Status.DOWN, reason, Map.of());
    }

    /** Whether the component serves (UP or DEGRADED). */
    public boolean isUp() {
        return status != Status.DOWN;
    }
}
