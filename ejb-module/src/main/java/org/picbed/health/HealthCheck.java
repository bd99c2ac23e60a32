package org.picbed.health;

/** One component's health. Implementations are CDI beans in the module that owns the component. */
public interface HealthCheck {

    /** The component's key in the health report, e.g. {@code database}. */
    String component();

    /** Checks the component; throwing counts as DOWN with the exception's class as the reason. */
    ComponentHealth check() throws Exception;
}
