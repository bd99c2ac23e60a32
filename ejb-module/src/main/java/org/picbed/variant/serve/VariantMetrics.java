package org.picbed.variant.serve;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of variant serving on this node, exposed as metrics. */
@ApplicationScoped
public class VariantMetrics {

    private final LongAdder hotHits = new LongAdder();
    private final LongAdder ioThreadHits = new LongAdder();
    private final LongAdder storedHits = new LongAdder();
    private final LongAdder rendered = new LongAdder();
    private final LongAdder renderNanos = new LongAdder();
    private final LongAdder renderFailures = new LongAdder();
    private final LongAdder refusedBusy = new LongAdder();
    private final LongAdder admitted = new LongAdder();
    private final LongAdder sharedRenders = new LongAdder();

    // methods, not fields: callers hold a CDI client proxy, whose own fields are not the bean's

    public void hotHit() {
        hotHits.increment();
    }

    /** A hot hit answered by the IO-thread path (also counted as a hot hit). */
    public void hotHitOnIoThread() {
        ioThreadHits.increment();
    }

    public void storedHit() {
        storedHits.increment();
    }

    public void rendered(long nanos) {
        rendered.increment();
        renderNanos.add(nanos);
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

    /** Counters by metric name (Prometheus style, without the {@code picbed_} prefix). */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("variant_hot_hits_total", hotHits.sum());
        m.put("variant_hot_hits_io_thread_total", ioThreadHits.sum());
        m.put("variant_hot_misses_total", storedHits.sum() + rendered.sum() + sharedRenders.sum());
        m.put("variant_stored_hits_total", storedHits.sum());
        m.put("variant_renders_total", rendered.sum());
        m.put("variant_render_milliseconds_total", renderNanos.sum() / 1_000_000);
        m.put("variant_render_failures_total", renderFailures.sum());
        m.put("variant_render_refused_total", refusedBusy.sum());
        m.put("variant_render_shared_total", sharedRenders.sum());
        m.put("variant_hot_admissions_total", admitted.sum());
        return m;
    }
}
