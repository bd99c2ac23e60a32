package org.picbed.variant.render;

import java.util.concurrent.Semaphore;

/**
 * Bounds the decoded pixels that concurrent renders hold: each render takes its estimated raster size in
 * megapixels (at least 1, at most the whole budget, so one render always fits) before decoding and gives it back
 * after encoding. Thumbnails take 1-2 of the default 32 and never wait; full-size renders of 24 MP photos
 * (~100 MB of raster each) take turns.
 */
final class RasterBudget {

    private final int megapixels;
    private final Semaphore permits;

    RasterBudget(int megapixels) {
        this.megapixels = megapixels;
        this.permits = new Semaphore(megapixels, true);
    }

    /** Permits for a raster of the given pixels. */
    int permitsFor(long pixels) {
        return (int) Math.max(1, Math.min(megapixels, (pixels + 999_999) / 1_000_000));
    }

    int acquire(long pixels) throws RenderException {
        int n = permitsFor(pixels);
        try {
            permits.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted", "interrupted while waiting for memory to render");
        }
        return n;
    }

    void release(int n) {
        permits.release(n);
    }

    int available() {
        return permits.availablePermits();
    }
}
