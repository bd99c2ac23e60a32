package org.picbed.variant.serve;

import org.picbed.error.PicbedException;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on concurrent renders: about one per core ({@code PICBED_RENDER_WORKERS}). Renders run on the
 * caller's thread (no hand-off) once they hold a permit, so memory grows with the workers, not with the line:
 * a waiting request holds no image. Requests wait in a bounded line ({@code PICBED_RENDER_QUEUE}, 16 per worker),
 * first come first served, up to a deadline ({@code PICBED_RENDER_MAX_WAIT_MS}); a burst of cold renders queues
 * instead of being refused. 503 + Retry-After only when the line is full or the deadline passes.
 * Background work (eager thumbnails, re-renders) waits as long as it takes.
 */
public final class RenderGate {

    private final Semaphore permits;
    private final int workers;
    private final int queueLimit;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    public RenderGate(int workers, int queueLimit, long maxWaitMillis) {
        if (workers < 1 || queueLimit < 0 || maxWaitMillis < 0) {
            throw new IllegalArgumentException("render gate limits must be positive");
        }
        this.permits = new Semaphore(workers, true);
        this.workers = workers;
        this.queueLimit = queueLimit;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** Takes a permit for an interactive render, or refuses with 503 when the line is full or too slow. */
    public void enterInteractive() {
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
