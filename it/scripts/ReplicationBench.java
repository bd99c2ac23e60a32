import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replication lag: uploads at site A at a fixed rate; every SAMPLE_EVERY-th acknowledged upload is polled at site B
 * (metadata API, which never asks a peer) every POLL_MS until it is there. Lag = B has it - A acknowledged it.
 * args: <A base URL> <B base URL> <api key> <uploads per second> <seconds>
 */
class ReplicationBench {

    static final int POLL_MS = 25;
    /** Every n-th upload is polled at B: polling all of them every 25 ms would load B more than replication does. */
    static final int SAMPLE_EVERY = Integer.getInteger("sample", 4);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] a) throws Exception {
        URI siteA = URI.create(a[0]);
        URI siteB = URI.create(a[1]);
        String key = a[2];
        int rate = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        byte[] base = photo(1024, 768);
        System.out.printf("upload: %d KB JPEG (+16 random bytes each), %d/s for %d s, A=%s B=%s%n",
                base.length / 1024, rate, seconds, siteA, siteB);

        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger missing = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastAck = new java.util.concurrent.atomic.AtomicLong();
        ScheduledExecutorService uploaders = Executors.newScheduledThreadPool(16);
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
        int total = rate * seconds;
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            boolean sampled = i % SAMPLE_EVERY == 0;
            uploaders.schedule(() -> {
                try {
                    String id = upload(siteA, key, unique(base));
                    long acked = System.nanoTime();
                    lastAck.accumulateAndGet(acked, Math::max);
                    if (sampled) {
                        pollers.execute(new Poll(pollers, siteB, key, id, acked, lags, missing, failed, done));
                    } else {
                        done.countDown();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    done.countDown();
                    System.err.println("upload failed: " + e);
                }
            }, t0 + i * period - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await();
        double wall = (lastAck.get() - t0) / 1e9;
        uploaders.shutdown();
        pollers.shutdown();
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        System.out.printf("uploads %d acknowledged within %.1f s (%.1f/s), polled 1 in %d at B: replicated %d, not replicated in 120 s %d, failed %d%n",
                total, wall, total / wall, SAMPLE_EVERY, sorted.size(), missing.get(), failed.get());
        if (!sorted.isEmpty()) {
            System.out.printf("RESULT lag_ms p50=%d p90=%d p99=%d max=%d (poll every %d ms)%n",
                    q(sorted, 0.5), q(sorted, 0.9), q(sorted, 0.99), sorted.get(sorted.size() - 1), POLL_MS);
        }
    }

    /** Checks once whether B has the image; if not, checks again POLL_MS later (no thread waits). */
    record Poll(ScheduledExecutorService pollers, URI siteB, String key, String id, long acked, ConcurrentLinkedQueue<Long> lags,
                AtomicInteger missing, AtomicInteger failed, java.util.concurrent.CountDownLatch done) implements Runnable {
        @Override
        public void run() {
            try {
                if (status(siteB, key, id) == 200) {
                    lags.add((System.nanoTime() - acked) / 1_000_000);
                    done.countDown();
                } else if (System.nanoTime() - acked > TimeUnit.SECONDS.toNanos(120)) {
                    missing.incrementAndGet();
                    done.countDown();
                } else {
                    pollers.schedule(this, POLL_MS, TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                done.countDown();
                System.err.println("poll failed: " + e);
            }
        }
    }

    static long q(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    static String upload(URI site, String key, byte[] jpeg) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes());
        body.write(jpeg);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(site.resolve("/api/images")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
        }
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + r.body());
        }
        return m.group(1);
    }

    static int status(URI site, String key, String id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(site.resolve("/api/images/" + id)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static byte[] unique(byte[] base) {
        byte[] out = java.util.Arrays.copyOf(base, base.length + 16);
        byte[] tail = new byte[16];
        new Random().nextBytes(tail);
        System.arraycopy(tail, 0, out, base.length, 16);
        return out;
    }

    static byte[] photo(int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / w + random.nextInt(24)) & 0xff;
                int g = (y * 255 / h + random.nextInt(24)) & 0xff;
                int b = ((x + y) * 127 / (w + h) + random.nextInt(24)) & 0xff;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
