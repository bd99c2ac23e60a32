package org.picbed.variant.serve;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission to the hot cache: a variant is admitted when it has been served {@code threshold} times
 * (default 2) within the recent window, so one-off sizes never displace hot ones. Counts live in a fixed
 * table of small counters indexed by key hash (a count-min style sketch with one row, aged by halving
 * every {@code window} recordings): constant memory, no per-key objects.
 */
public final class Admission {

    private final AtomicIntegerArray counts;
    private final int mask;
    private final int threshold;
    private final long window;
    private final AtomicLong recorded = new AtomicLong();

    public Admission(int slots, int threshold, long window) {
        int size = Integer.highestOneBit(Math.max(64, slots - 1) << 1);
        this.counts = new AtomicIntegerArray(size);
        this.mask = size - 1;
        this.threshold = threshold;
        this.window = window;
    }

    /** Records one serving of the key; returns whether it is now hot enough to cache. */
    public boolean served(String key) {
        int slot = spread(key.hashCode()) & mask;
        int count = counts.incrementAndGet(slot);
        if (recorded.incrementAndGet() % window == 0) {
            age();
        }
        return count >= threshold;
    }

    private void age() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, counts.get(i) >> 1);
        }
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
