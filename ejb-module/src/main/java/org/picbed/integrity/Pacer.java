package org.picbed.integrity;

/** Keeps a reader at or under a byte rate on average since it started, by sleeping when it is ahead. */
public final class Pacer {

    static final Pacer UNBOUNDED = new Pacer(Long.MAX_VALUE);

    private final long bytesPerSecond;
    private final long startNanos = System.nanoTime();
    private long bytes;

    public Pacer(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    public void read(long n) {
        if (bytesPerSecond == Long.MAX_VALUE) {
            return;
        }
        bytes += n;
        long dueNanos = (long) (bytes * 1e9 / bytesPerSecond);
        long aheadMillis = (dueNanos - (System.nanoTime() - startNanos)) / 1_000_000;
        if (aheadMillis > 0) {
            try {
                Thread.sleep(aheadMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public long bytes() {
        return bytes;
    }
}
