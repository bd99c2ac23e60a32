package org.picbed.variant.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.metrics.Meters;

import java.util.concurrent.TimeUnit;

/**
 * What variant serving did on this node, in the node's registry: hits by where they came from (the {@code X-Cache}
 * answers HIT, STORED, RENDERED), renders with their latency histogram, refusals of the render gate, and the latency
 * of hot hits on the IO thread and through the servlet.
 */
@ApplicationScoped
public class VariantMetrics {

    @Inject
    Meters meters;

    private Counter hotHits;
    private Counter ioThreadHits;
    private Counter ioThreadRevalidations;
    private Counter storedHits;
    private Counter renderFailures;
    private Counter refusedBusy;
    private Counter admitted;
    private Counter sharedRenders;
    private Timer renders;
    private Timer ioThreadHitLatency;
    private Timer servletHitLatency;

    @PostConstruct
    void register() {
        hotHits = meters.counter("picbed.variant.hot.hits", "Variants answered from the hot cache (X-Cache: HIT)");
        ioThreadHits = meters.counter("picbed.variant.hot.hits.io.thread",
                "Hot hits answered on the IO thread, before the servlet (also counted as hot hits)");
        ioThreadRevalidations = meters.counter("picbed.variant.revalidations.io.thread",
                "Revalidations (If-None-Match naming the URL's variant) answered 304 on the IO thread");
        storedHits = meters.counter("picbed.variant.stored.hits", "Variants read from the variant store (X-Cache: STORED)");
        renderFailures = meters.counter("picbed.variant.render.failures", "Renders that failed");
        refusedBusy = meters.counter("picbed.variant.render.refused", "Renders refused by the render gate (503)");
        admitted = meters.counter("picbed.variant.hot.admissions", "Variants admitted into the hot cache");
        sharedRenders = meters.counter("picbed.variant.render.shared",
                "Requests that waited for a render another request had started (X-Cache: RENDERED)");
        renders = meters.latency("picbed.variant.render", "Cold renders (X-Cache: RENDERED): source read, decode, pipeline, encode, store");
        FunctionCounter.builder("picbed.variant.renders", renders, Timer::count)
                .description("Variants rendered on this node").register(meters.registry());
        FunctionCounter.builder("picbed.variant.render.milliseconds", renders, t -> t.totalTime(TimeUnit.MILLISECONDS))
                .description("Time spent rendering, in ms").register(meters.registry());
        FunctionCounter.builder("picbed.variant.hot.misses", this,
                        m -> m.storedHits.count() + m.renders.count() + m.sharedRenders.count())
                .description("Variant requests the hot cache could not answer").register(meters.registry());
        ioThreadHitLatency = meters.latency("picbed.variant.hit", "Hot hits, from the request to the bytes handed to the connection",
                "path", "io_thread");
        servletHitLatency = meters.latency("picbed.variant.hit", "Hot hits, from the request to the bytes handed to the connection",
                "path", "servlet");
    }

    // methods, not fields: callers hold a CDI client proxy, whose own fields are not the bean's

    public void hotHit() {
        hotHits.increment();
    }

    /** A hot hit answered by the IO-thread path (also counted as a hot hit), and how long it took. */
    public void hotHitOnIoThread(long nanos) {
        ioThreadHits.increment();
        ioThreadHitLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A 304 answered by the IO-thread path. */
    public void revalidatedOnIoThread() {
        ioThreadRevalidations.increment();
    }

    /** How long a hot hit through the servlet took. */
    public void hitThroughServlet(long nanos) {
        servletHitLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void storedHit() {
        storedHits.increment();
    }

    public void rendered(long nanos) {
        renders.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void renderFailed() {
        renderFailures.increment();
    }

    public void refusedBusy() {
        refusedBusy.increment();
    }

    public void admitted() {
        admitted.increment();
    }

    public void sharedRender() {
        sharedRenders.increment();
    }
}
