package org.picbed.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.health.ComponentHealth;
import org.picbed.health.HealthCheck;

import java.util.LinkedHashMap;
import java.util.Map;

/** UP with the scrubber's progress and the corruptions found; DEGRADED while a corrupt blob could not be repaired. */
@ApplicationScoped
public class IntegrityHealthCheck implements HealthCheck {

    @Inject
    Corruptions corruptions;

    @Inject
    Scrubber scrubber;

    @Override
    public String component() {
        return "integrity";
    }

    @Override
    public ComponentHealth check() {
        Scrubber.State state = scrubber.state();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("corruptions", corruptions.detected());
        details.put("repaired", corruptions.repaired());
        details.put("unrepaired", corruptions.unrepaired());
        details.put("scrubbing", state.passStarted() != null);
        if (state.lastPassCompleted() != null) {
            details.put("lastScrubCompleted", state.lastPassCompleted().toString());
        }
        if (corruptions.unrepaired() > 0) {
            return ComponentHealth.degraded(corruptions.unrepaired() + " corrupt blob(s) quarantined with no good copy at any peer", details);
        }
        return ComponentHealth.up(details);
    }
}
