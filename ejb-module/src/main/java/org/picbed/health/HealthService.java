package org.picbed.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs every {@link HealthCheck} in parallel; a check that does not answer in time is DOWN. */
@ApplicationScoped
public class HealthService {

    private static final Logger LOG = Logger.getLogger(HealthService.class.getName());
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    @Any
    Instance<HealthCheck> checks;

    @Resource
    ManagedExecutorService executor;

    public HealthReport report() {
        Map<String, Future<ComponentHealth>> running = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            running.put(check.component(), CompletableFuture.supplyAsync(() -> run(check), executor));
        }
        long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
        Map<String, ComponentHealth> results = new TreeMap<>();
        running.forEach((component, future) -> results.put(component, await(component, future, deadline)));
        return new HealthReport(new TreeMap<>(results));
    }

    static ComponentHealth run(HealthCheck check) {
        try {
            return check.check();
        } catch (Exception | Error e) {
            LOG.log(Level.WARNING, "health check " + check.component() + " failed", e);
            return ComponentHealth.down(e.getClass().getSimpleName());
        }
    }

    private static ComponentHealth await(String component, Future<ComponentHealth> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warning(() -> "health check " + component + " did not answer within " + CHECK_TIMEOUT);
            return ComponentHealth.down("timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentHealth.down("interrupted");
        } catch (ExecutionException e) {
            return ComponentHealth.down(e.getCause().getClass().getSimpleName());
        }
    }
}
