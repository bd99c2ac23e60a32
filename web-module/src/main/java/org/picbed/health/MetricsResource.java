package org.picbed.health;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.picbed.cache.HotImageCache;
import org.picbed.variant.RenderGate;
import org.picbed.variant.VariantMetrics;
import org.picbed.variant.Variants;

import java.util.Map;

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
        return Response.ok(out.toString()).header("Cache-Control", "no-store").build();
    }

    private static void gauge(StringBuilder out, String name, long value) {
        out.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
