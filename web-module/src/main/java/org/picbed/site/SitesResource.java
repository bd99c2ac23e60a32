package org.picbed.site;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.web.AdminOnly;
import org.picbed.web.JsonBuilders;

import java.time.Instant;

/**
 * {@code GET /api/admin/sites} (admin credentials): this site and, per peer, reachability, messages waiting for
 * its bridge and the age of the oldest, failures, dead letters, last success and read repairs; plus the
 * replication lag of the changes applied here in the last minute.
 */
@Path("admin/sites")
@AdminOnly
public class SitesResource {

    @Inject
    SiteView view;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        JsonArrayBuilder peers = JsonBuilders.array();
        for (SiteView.PeerState p : view.peers()) {
            SiteStats.PeerCounters c = p.counters();
            JsonObjectBuilder peer = JsonBuilders.object()
                    .add("name", p.peer().name())
                    .add("urls", urls(p.peer()))
                    .add("state", view.problem(p).isPresent() ? "degraded" : "ok")
                    .add("problem", view.problem(p).orElse(""))
                    .add("reachable", c.reachable())
                    .add("probe_ms", c.probeMillis())
                    .add("probe_failure", c.probeFailure() == null ? "" : c.probeFailure())
                    .add("last_probe", text(c.lastProbe()))
                    .add("outbound_configured", p.configured())
                    .add("pending", p.pending())
                    .add("oldest_pending_seconds", p.oldestPendingMillis() / 1000.0)
                    .add("applied", c.applied())
                    .add("last_applied", text(c.lastApplied()))
                    .add("apply_ms_mean", Math.round(c.meanApplyMillis() * 10) / 10.0)
                    .add("failures", c.failures())
                    .add("last_failure", text(c.lastFailure()))
                    .add("last_failure_reason", c.lastFailureReason() == null ? "" : c.lastFailureReason())
                    .add("dead_lettered", p.deadLettered())
                    .add("last_success", text(p.lastSuccess()))
                    .add("read_repairs", c.repaired());
            peers.add(peer);
        }
        SiteStats.Lag lag = view.lag();
        String body = JsonBuilders.object()
                .add("site", view.site())
                .add("peers", peers)
                .add("replication_lag_last_minute", JsonBuilders.object().add("samples", lag.count()).add("p50_ms", lag.p50Millis())
                        .add("p99_ms", lag.p99Millis()).add("max_ms", lag.maxMillis()))
                .build().toString();
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    private static JsonArrayBuilder urls(Peer peer) {
        JsonArrayBuilder urls = JsonBuilders.array();
        peer.urls().forEach(u -> urls.add(u.toString()));
        return urls;
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
