package org.picbed.health;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.picbed.cache.HotImageCache;
import org.picbed.site.SiteStats;
import org.picbed.site.SiteView;
import org.picbed.variant.serve.RenderGate;
import org.picbed.variant.serve.VariantMetrics;
import org.picbed.variant.serve.Variants;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** {@code GET /api/metrics}: this node's counters in the Prometheus text format. */
@Path("metrics")
public class MetricsResource {

    @Inject
    VariantMetrics metrics;

    @Inject
    Variants variants;

    @Inject
    HotImageCache hot;

    @Inject
    QueueGauges queues;

    @Inject
    SiteView sites;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public Response get() {
        StringBuilder out = new StringBuilder(1024);
        for (Map.Entry<String, Long> m : metrics.snapshot().entrySet()) {
            String name = "picbed_" + m.getKey();
            out.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(m.getValue()).append('\n');
        }
        RenderGate gate = variants.gate();
        gauge(out, "picbed_render_workers", gate.workers());
        gauge(out, "picbed_render_workers_busy", gate.busyWorkers());
        gauge(out, "picbed_render_waiting", gate.waiting());
        gauge(out, "picbed_hot_cache_entries", hot.size());
        gauge(out, "picbed_hot_cache_members", hot.members().size());
        out.append("# TYPE picbed_queue_messages gauge\n");
        for (Map.Entry<String, Long> q : queues.depths().entrySet()) {
            out.append("picbed_queue_messages{queue=\"").append(q.getKey()).append("\"} ").append(q.getValue()).append('\n');
        }
        sites(out);
        return Response.ok(out.toString()).header("Cache-Control", "no-store").build();
    }

    /** Per peer site (label {@code peer}), and the replication lag of the changes applied here in the last minute. */
    private void sites(StringBuilder out) {
        var peers = sites.peers();
        if (peers.isEmpty()) {
            return;
        }
        peerMetric(out, peers, "picbed_site_peer_reachable", "gauge", p -> p.counters().reachable() ? 1 : 0);
        peerMetric(out, peers, "picbed_site_peer_pending_messages", "gauge", SiteView.PeerState::pending);
        peerMetric(out, peers, "picbed_site_peer_oldest_pending_seconds", "gauge", p -> p.oldestPendingMillis() / 1000);
        peerMetric(out, peers, "picbed_site_peer_dead_lettered_messages", "gauge", SiteView.PeerState::deadLettered);
        peerMetric(out, peers, "picbed_site_peer_applied_total", "counter", p -> p.counters().applied());
        peerMetric(out, peers, "picbed_site_peer_failures_total", "counter", p -> p.counters().failures());
        peerMetric(out, peers, "picbed_site_peer_read_repairs_total", "counter", p -> p.counters().repaired());
        peerMetric(out, peers, "picbed_site_peer_last_success_timestamp_seconds", "gauge",
                p -> p.lastSuccess() == null ? 0 : p.lastSuccess().getEpochSecond());
        SiteStats.Lag lag = sites.lag();
        out.append("# TYPE picbed_replication_lag_seconds summary\n")
                .append("picbed_replication_lag_seconds{quantile=\"0.5\"} ").append(lag.p50Millis() / 1000.0).append('\n')
                .append("picbed_replication_lag_seconds{quantile=\"0.99\"} ").append(lag.p99Millis() / 1000.0).append('\n')
                .append("picbed_replication_lag_seconds_count ").append(lag.count()).append('\n');
    }

    private static void peerMetric(StringBuilder out, List<SiteView.PeerState> peers, String name, String type,
                                   ToLongFunction<SiteView.PeerState> value) {
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (SiteView.PeerState p : peers) {
            out.append(name).append("{peer=\"").append(p.peer().name()).append("\"} ").append(value.applyAsLong(p)).append('\n');
        }
    }

    private static void gauge(StringBuilder out, String name, long value) {
        out.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
