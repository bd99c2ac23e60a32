package org.picbed.variant.render;

import org.picbed.image.ImageFormat;
import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.Resize;
import org.picbed.client.spec.VariantSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cold-thumbnail micro benchmark (not a test): every file -> 300 px wide JPEG q80 through {@link ImageRenderer},
 * with 1 and 2 worker threads; prints img/s, to compare with
 * {@code VIPS_CONCURRENCY=1 vipsthumbnail --vips-cache-max=0 FILES -s 300x -o "$OUT/%s.jpg[Q=80]"}.
 * <pre>
 * java -cp "ejb-module/target/classes:ejb-module/target/test-classes:persistence-module/target/classes:$(deps)" \
 *   org.picbed.variant.render.RenderBench ROUNDS [turbojpeg|imageio] FILE...
 * </pre>
 * Defaults: 20 rounds over photo-kleiber-20mp.jpg, photo-kleiber-12mp.jpg and photo-mosaic-16mp.jpg of the corpus
 * ({@code ../shared/corpus/make-corpus.sh DIR}) in {@code PICBED_CORPUS_DIR}, by default {@code corpus} in the
 * temp directory.
 */
public final class RenderBench {

    static Path corpusDir() {
        String dir = System.getenv("PICBED_CORPUS_DIR");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "corpus");
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean turbo = args.length <= 1 || !args[1].equals("imageio");
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        if (files.isEmpty()) {
            for (String f : List.of("photo-kleiber-20mp.jpg", "photo-kleiber-12mp.jpg", "photo-mosaic-16mp.jpg")) {
                files.add(corpusDir().resolve(f));
            }
        }
        List<byte[]> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(Files.readAllBytes(f));
        }
        ImageRenderer renderer = new ImageRenderer(RenderSettings.defaults().withTurbojpeg(turbo));
        VariantSpec spec = VariantSpec.builder().resize(Resize.FIT, 300, 0).build();
        System.out.println("decoder: " + renderer.decoderInfo());
        for (int warm = 0; warm < 3; warm++) {
            for (byte[] in : inputs) {
                renderer.render(in, spec, ImageFormat.JPEG);
            }
        }
        for (int threads : new int[] {1, 2}) {
            int total = rounds * inputs.size();
            AtomicInteger next = new AtomicInteger();
            AtomicLong outBytes = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        outBytes.addAndGet(renderer.render(inputs.get(i % inputs.size()), spec, ImageFormat.JPEG)
                                .bytes().length);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf("picbed-%s\tthreads=%d\timages=%d\tsec=%.2f\timg/s=%.2f\tavg_out=%d%n",
                    turbo ? "turbojpeg" : "imageio", threads, total, s, total / s, outBytes.get() / total);
        }
    }
}
