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
    static final long LAG_WINDOW_MILLIS = 60_000;

    private final long[] lags = new long[LAG_SAMPLES];
    private final long[] lagTimes = new long[LAG_SAMPLES];
    private long lagCount;

    public PeerCounters peer(String name) {
        return peers.computeIfAbsent(name, n -> new PeerCounters());
    }

    /** Records one applied replication message: how long after its origin event, and how long applying took. */
    public void applied(String origin, Instant originAt, Instant now, long applyNanos) {
        peer(origin).applied(now, applyNanos);
        synchronized (lags) {
            int slot = (int) (lagCount++ % LAG_SAMPLES);
            lags[slot] = Math.max(0, now.toEpochMilli() - originAt.toEpochMilli());
            lagTimes[slot] = now.toEpochMilli();
        }
    }

    /** Replication lags (origin commit to applied here) of the last minute (at most {@value #LAG_SAMPLES}), in ms. */
    public Lag lag(Instant now) {
        long since = now.toEpochMilli() - LAG_WINDOW_MILLIS;
        long[] recent = new long[LAG_SAMPLES];
        int n = 0;
        synchronized (lags) {
            for (int i = 0; i < Math.min(lagCount, LAG_SAMPLES); i++) {
                if (lagTimes[i] >= since) {
                    recent[n++] = lags[i];
                }
            }
        }
        long[] sorted = Arrays.copyOf(recent, n);
        Arrays.sort(sorted);
        return new Lag(n, quantile(sorted, 0.5), quantile(sorted, 0.99), n == 0 ? 0 : sorted[n - 1]);
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
        private final AtomicLong applyNanos = new AtomicLong();
        private volatile Instant lastApplied;
        private volatile Instant lastFailure;
        private volatile String lastFailureReason;
        private volatile Instant lastProbe;
        private volatile Instant lastReachable;
        private volatile boolean reachable;
        private volatile long probeMillis = -1;
        private volatile String probeFailure;

        void applied(Instant at, long nanos) {
            applied.incrementAndGet();
            applyNanos.addAndGet(nanos);
            lastApplied = at;
        }

        /** Mean time to apply one message from this peer (pull, verify, store, record), in ms. */
        public double meanApplyMillis() {
            long n = applied.get();
            return n == 0 ? 0 : applyNanos.get() / 1e6 / n;
        }

        public void failed(String reason, Instant at) {
            failures.incrementAndGet();
            lastFailure = at;
            lastFailureReason = reason;
        }

        void readRepaired() {
            repaired.incrementAndGet();
        }

        void probed(boolean ok, long millis, String failure, Instant at) {
            lastProbe = at;
            reachable = ok;
            probeFailure = ok ? null : failure;
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

        /** Why the last probe failed (e.g. {@code untrusted certificate}); null when it succeeded. */
        public String probeFailure() {
            return probeFailure;
        }

        public boolean reachable() {
            return reachable;
        }

        public long probeMillis() {
            return probeMillis;
        }
    }
}
