package org.picbed.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The node's one Micrometer registry (Prometheus flavour). Latency timers publish a histogram (buckets from 1 ms to
 * 30 s), so Prometheus can take any quantile over any window and the dashboard can take p50/p99 over its poll interval.
 * Names follow Micrometer's convention ({@code picbed.variant.renders} → {@code picbed_variant_renders_total}).
 */
@ApplicationScoped
public class Meters {

    private static final Duration MIN_LATENCY = Duration.ofMillis(1);
    private static final Duration MAX_LATENCY = Duration.ofSeconds(30);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Counter counter(String name, String help, String... tags) {
        return Counter.builder(name).description(help).tags(tags).register(registry);
    }

    /** A latency timer with a histogram. */
    public Timer latency(String name, String help, String... tags) {
        return Timer.builder(name).description(help).tags(tags)
                .publishPercentileHistogram().minimumExpectedValue(MIN_LATENCY).maximumExpectedValue(MAX_LATENCY)
                .register(registry);
    }

    /** A size distribution (bytes), e.g. of uploads; its sum over time is the byte rate. */
    public DistributionSummary bytes(String name, String help) {
        return DistributionSummary.builder(name).description(help).baseUnit("bytes").register(registry);
    }

    /** A gauge read at every scrape (the supplier must be cheap and must not throw). */
    public void gauge(String name, String help, Tags tags, Supplier<Number> value) {
        Gauge.builder(name, value).description(help).tags(tags).strongReference(true).register(registry);
    }

    /** Every meter in the Prometheus text format 0.0.4 (with {@code # HELP} and {@code # TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
