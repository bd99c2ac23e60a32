package org.picbed.console;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.auth.LoginThrottle;
import org.picbed.cache.HotImageCache;
import org.picbed.cluster.Heartbeats;
import org.picbed.cluster.NodeHeartbeat;
import org.picbed.cluster.NodeIdentity;
import org.picbed.deadletter.MessageFailure;
import org.picbed.deadletter.MessageFailures;
import org.picbed.health.HealthReport;
import org.picbed.health.HealthService;
import org.picbed.site.SiteView;
import org.picbed.web.AdminOnly;
import org.picbed.web.JsonBuilders;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /api/admin/overview}: what the dashboard shows beside its charts: this node's health, the nodes of the
 * cluster (from their heartbeats) with theirs, the peer sites, the hot cache, the login throttle and the latest
 * dead-letter actions.
 */
@Path("admin/overview")
@AdminOnly
public class OverviewResource {

    /** A node is down after missing three heartbeats (one every 30 s). */
    static final Duration NODE_SILENCE = Duration.ofSeconds(95);

    @Inject
    HealthService health;

    @Inject
    NodeIdentity node;

    @Inject
    Heartbeats heartbeats;

    @Inject
    HotImageCache hot;

    @Inject
    SiteView sites;

    @Inject
    LoginThrottle throttle;

    @Inject
    MessageFailures failures;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        Instant now = Instant.now();
        HealthReport report = health.report();
        JsonObjectBuilder checks = JsonBuilders.object();
        report.components().forEach((name, state) -> checks.add(name, state.reason() == null
                ? state.status().name() : state.status().name() + ": " + state.reason()));
        JsonArrayBuilder nodes = JsonBuilders.array();
        for (NodeHeartbeat beat : heartbeats.nodes()) {
            long silent = Duration.between(beat.lastReceivedAt(), now).toSeconds();
            nodes.add(JsonBuilders.object().add("name", beat.nodeName()).add("last_heartbeat", beat.lastReceivedAt().toString())
                    .add("silent_seconds", Math.max(0, silent))
                    .add("status", beat.nodeName().equals(node.nodeName()) ? report.status().name()
                            : silent * 1000 <= NODE_SILENCE.toMillis() ? "UP" : "DOWN"));
        }
        JsonArrayBuilder peers = JsonBuilders.array();
        for (SiteView.PeerState p : sites.peers()) {
            peers.add(JsonBuilders.object().add("name", p.peer().name()).add("reachable", p.counters().reachable())
                    .add("pending", p.pending()).add("oldest_pending_seconds", p.oldestPendingMillis() / 1000)
                    .add("dead_lettered", p.deadLettered()).add("applied", p.counters().applied())
                    .add("problem", sites.problem(p).orElse("")));
        }
        JsonArrayBuilder locks = JsonBuilders.array();
        for (LoginThrottle.State s : throttle.states()) {
            locks.add(JsonBuilders.object().add("key", s.key()).add("failures", s.failures())
                    .add("last_failure", s.lastFailure().toString()).add("wait_seconds", s.waitLeft().toSeconds())
                    .add("locked", s.locked()));
        }
        JsonArrayBuilder actions = JsonBuilders.array();
        for (MessageFailure f : failures.recentActions(10)) {
            actions.add(JsonBuilders.object().add("queue", f.queue()).add("message_id", f.messageId())
                    .add("action", f.resolution()).add("by", f.resolvedBy()).add("at", f.resolvedAt().toString()));
        }
        String body = JsonBuilders.object()
                .add("node", node.nodeName()).add("site", sites.site()).add("status", report.status().name())
                .add("checks", checks).add("nodes", nodes)
                .add("hot_cache", JsonBuilders.object().add("entries", hot.size()).add("bytes", hot.bytes())
                        .add("members", hot.members().size()))
                .add("peers", peers)
                .add("throttle", JsonBuilders.object().add("policy", throttle.policy()).add("entries", locks))
                .add("dead_letter_actions", actions)
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
