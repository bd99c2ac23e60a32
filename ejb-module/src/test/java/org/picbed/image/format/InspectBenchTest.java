package org.picbed.image.format;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Upload inspection time of a 3 MB photo-like JPEG (3000x2500, noise, ImageIO q75: 3,189,559 bytes), not run by
 * default: {@code ./mvnw -q test -pl ejb-module -am -Dtest=InspectBenchTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpicbed.bench=true}.
 * <p>
 * Measured on the 2-core build VM (JDK 17), mean of 300-500 inspections after warm-up:
 * <ul>
 * <li>before the structural checks (ImageInspector, commit 94253c8): 0.45-0.54 ms (this test: 0.536 and 0.705 ms
 * in two runs);</li>
 * <li>after (ImageFormats with the DHT/DQT/SOF/SOS checks): 0.442 and 0.499 ms in two runs of this test;
 * 0.42-0.44 ms in one JVM alternating with the old inspector (0.45-0.52 ms there).</li>
 * </ul>
 * The checks read only the marker segments (a few hundred bytes); the cost stays the scan of the entropy-coded
 * data for markers, about 6-7 GB/s.
 * <p>
 * Why a hand-written reader and not a library: ImageIO's header read (getWidth) checks none of these structures,
 * and the library way to learn that a file will not decode is to decode it. Same run, same file: inspect 0.423 ms,
 * full ImageIO decode 58.9 ms, 139x more upload CPU (the upload CPU budget is 2x SHA-256 + 5 ms, issue 19).
 */
class InspectBenchTest {

    @Test
    void inspectA3MbJpeg() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("picbed.bench"), "run with -Dpicbed.bench=true");
        BufferedImage img = new BufferedImage(3000, 2500, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(42);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = (x * 255 / img.getWidth() + r.nextInt(64)) & 0xFF;
                img.setRGB(x, y, v << 16 | ((y * 255 / img.getHeight() + r.nextInt(64)) & 0xFF) << 8 | r.nextInt(256));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        byte[] jpeg = out.toByteArray();
        ImageLimits limits = ImageLimits.defaults();
        for (int i = 0; i < 200; i++) {
            ImageFormats.inspect(new ByteArrayInputStream(jpeg), limits);
        }
        int rounds = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            ImageFormats.inspect(new ByteArrayInputStream(jpeg), limits);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / rounds;
        System.out.printf("InspectBench: %d bytes JPEG, %.3f ms per inspect (%.0f MB/s)%n", jpeg.length, ms,
                jpeg.length / 1e6 / (ms / 1000));

        // the library way to find a table no decoder accepts is to decode: ImageIO (TwelveMonkeys in front)
        for (int i = 0; i < 3; i++) {
            ImageIO.read(new ByteArrayInputStream(jpeg));
        }
        int decodes = 10;
        long t1 = System.nanoTime();
        for (int i = 0; i < decodes; i++) {
            ImageIO.read(new ByteArrayInputStream(jpeg));
        }
        double decodeMs = (System.nanoTime() - t1) / 1e6 / decodes;
        System.out.printf("InspectBench: full decode with ImageIO %.1f ms: the structural check is %.0fx cheaper%n",
                decodeMs, decodeMs / ms);
    }
}
