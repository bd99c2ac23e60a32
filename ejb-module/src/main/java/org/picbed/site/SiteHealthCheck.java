package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.health.ComponentHealth;
import org.picbed.health.HealthCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sites}: DOWN when a peer has no outbound queue (uploads could not be replicated); DEGRADED when a peer
 * is unreachable, far behind, or has dead-lettered messages (this site still serves everything it has).
 */
@ApplicationScoped
public class SiteHealthCheck implements HealthCheck {

    @Inject
    SiteView view;

    @Override
    public String component() {
        return "sites";
    }

    @Override
    public ComponentHealth check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("site", view.site());
        List<String> problems = new ArrayList<>();
        boolean down = false;
        for (SiteView.PeerState p : view.peers()) {
            String name = p.peer().name();
            details.put(name + ".reachable", p.counters().reachable());
            details.put(name + ".pending", p.pending());
            details.put(name + ".oldest_pending_seconds", p.oldestPendingMillis() / 1000);
            details.put(name + ".dead_lettered", p.deadLettered());
            details.put(name + ".failures", p.counters().failures());
            details.put(name + ".last_success", String.valueOf(p.lastSuccess()));
            view.problem(p).ifPresent(problems::add);
            down |= !p.configured();
        }
        if (down) {
            return new ComponentHealth(ComponentHealth.Status.DOWN, String.join("; ", problems), details);
        }
        return problems.isEmpty() ? ComponentHealth.up(details) : ComponentHealth.degraded(String.join("; ", problems), details);
    }
}
