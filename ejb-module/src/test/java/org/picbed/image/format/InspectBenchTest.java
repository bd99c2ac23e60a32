package org.picbed.image.format;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;

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
    }
}
