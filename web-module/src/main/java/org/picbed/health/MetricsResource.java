package org.picbed.health;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.picbed.metrics.Meters;

/**
 * {@code GET /api/metrics}: this node's metrics in the Prometheus text format (Micrometer's Prometheus registry, with
 * {@code # HELP}, {@code # TYPE} and latency histograms). The dashboard charts read this same text.
 */
@Path("metrics")
public class MetricsResource {

    @Inject
    Meters meters;

    @Inject
    NodeGauges gauges;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public Response get() {
        gauges.refresh();
        return Response.ok(meters.scrape()).header("Cache-Control", "no-store").build();
    }
}
