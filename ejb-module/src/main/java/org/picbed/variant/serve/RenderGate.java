package org.picbed.variant.serve;

import org.picbed.error.PicbedException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The bound on concurrent renders: about one per core ({@code PICBED_RENDER_WORKERS}). Renders run on the
 * caller's thread (no hand-off) once they hold a permit, so memory grows with the workers, not with the line:
 * a waiting request holds no image. Requests wait in a bounded line ({@code PICBED_RENDER_QUEUE}, 16 per worker),
 * first come first served, up to a deadline ({@code PICBED_RENDER_MAX_WAIT_MS}); a burst of cold renders queues
 * instead of being refused. 503 + Retry-After only when the line is full, the deadline passes, or the heap is short
 * (the old generation still more than {@code PICBED_RENDER_HEAP_LIMIT_PERCENT} full after its last collection).
 * Background work (eager thumbnails, re-renders) waits as long as it takes.
 */
public final class RenderGate {

    private final Semaphore permits;
    private final int workers;
    private final int queueLimit;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();
    private final BooleanSupplier heapShort;

    public RenderGate(int workers, int queueLimit, long maxWaitMillis) {
        this(workers, queueLimit, maxWaitMillis, () -> false);
    }

    public RenderGate(int workers, int queueLimit, long maxWaitMillis, BooleanSupplier heapShort) {
        if (workers < 1 || queueLimit < 0 || maxWaitMillis < 0) {
            throw new IllegalArgumentException("render gate limits must be positive");
        }
        this.permits = new Semaphore(workers, true);
        this.workers = workers;
        this.queueLimit = queueLimit;
        this.maxWaitMillis = maxWaitMillis;
        this.heapShort = heapShort;
    }

    /**
     * True while the old generation, measured after its last collection (live data, not garbage), is more than
     * {@code percent} % of its maximum; never true on a JVM without such a pool.
     */
    public static BooleanSupplier heapAbove(int percent) {
        List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .toList();
        return () -> old.stream().anyMatch(pool -> {
            var afterGc = pool.getCollectionUsage();
            long max = pool.getUsage().getMax() > 0 ? pool.getUsage().getMax() : Runtime.getRuntime().maxMemory();
            return afterGc != null && afterGc.getUsed() * 100 > max * (long) percent;
        });
    }

    /** Takes a permit for an interactive render, or refuses with 503 when the line is full or too slow, or memory short. */
    public void enterInteractive() {
        if (heapShort.getAsBoolean()) {
            throw new PicbedException(503, "render_busy", "the server is short of memory for renders; retry in a moment");
        }
        if (permits.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > queueLimit) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Takes a permit for background work, waiting as long as needed. */
    public void enterBackground() throws InterruptedException {
        permits.acquire();
    }

    public void leave() {
        permits.release();
    }

    public int workers() {
        return workers;
    }

    public int busyWorkers() {
        return workers - permits.availablePermits();
    }

    public int waiting() {
        return waiting.get();
    }

    static PicbedException busy() {
        return new PicbedException(503, "render_busy", "every render worker is busy; retry in a moment");
    }
}
