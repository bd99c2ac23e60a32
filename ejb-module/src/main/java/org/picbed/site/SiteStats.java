package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** This node's view of each peer site: reachability, what arrived from it, failures, and replication lag. */
@ApplicationScoped
public class SiteStats {

    private static final int LAG_SAMPLES = 4096;

    private final Map<String, PeerCounters> peers = new ConcurrentHashMap<>();
    private final long[] lags = new long[LAG_SAMPLES];
    private long lagCount;

    public PeerCounters peer(String name) {
        return peers.computeIfAbsent(name, n -> new PeerCounters());
    }

    /** Records one applied replication message and how long after its origin event it was applied. */
    public void applied(String origin, Instant originAt, Instant now) {
        peer(origin).applied(now);
        synchronized (lags) {
            lags[(int) (lagCount++ % LAG_SAMPLES)] = Math.max(0, now.toEpochMilli() - originAt.toEpochMilli());
        }
    }

    /** Quantiles (e.g. 0.5, 0.99) of the last {@value #LAG_SAMPLES} replication lags, in milliseconds. */
    public Lag lag() {
        long[] sorted;
        long count;
        synchronized (lags) {
            count = lagCount;
            sorted = Arrays.copyOf(lags, (int) Math.min(count, LAG_SAMPLES));
        }
        Arrays.sort(sorted);
        return new Lag(count, quantile(sorted, 0.5), quantile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static long quantile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    public record Lag(long count, long p50Millis, long p99Millis, long maxMillis) {
    }

    /** Counters for one peer; every field is safe to read at any time. */
    public static final class PeerCounters {
        private final AtomicLong applied = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong repaired = new AtomicLong();
        private volatile Instant lastApplied;
        private volatile Instant lastFailure;
        private volatile String lastFailureReason;
        private volatile Instant lastProbe;
        private volatile Instant lastReachable;
        private volatile boolean reachable;
        private volatile long probeMillis = -1;

        void applied(Instant at) {
            applied.incrementAndGet();
            lastApplied = at;
        }

        public void failed(String reason, Instant at) {
            failures.incrementAndGet();
            lastFailure = at;
            lastFailureReason = reason;
        }

        void readRepaired() {
            repaired.incrementAndGet();
        }

        void probed(boolean ok, long millis, Instant at) {
            lastProbe = at;
            reachable = ok;
            probeMillis = ok ? millis : -1;
            if (ok) {
                lastReachable = at;
            }
        }

        public long applied() {
            return applied.get();
        }

        public long failures() {
            return failures.get();
        }

        public long repaired() {
            return repaired.get();
        }

        public Instant lastApplied() {
            return lastApplied;
        }

        public Instant lastFailure() {
            return lastFailure;
        }

        public String lastFailureReason() {
            return lastFailureReason;
        }

        public Instant lastProbe() {
            return lastProbe;
        }

        public Instant lastReachable() {
            return lastReachable;
        }

        public boolean reachable() {
            return reachable;
        }

        public long probeMillis() {
            return probeMillis;
        }
    }
}
