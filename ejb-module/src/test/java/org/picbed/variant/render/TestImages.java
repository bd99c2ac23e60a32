package org.picbed.variant.render;

import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.Resize;
import org.picbed.client.spec.VariantSpec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test helpers: specs, generated images, encoding and decoding through plain ImageIO. */
public final class TestImages {

    private TestImages() {
    }

    /** A spec builder with the short names the tests use. */
    public static final class Spec {
        private final VariantSpec.Builder b = VariantSpec.builder();
        private int rotate;
        private boolean flipX;
        private boolean flipY;

        public Spec resize(Resize r, int w, int h) {
            b.resize(r, w, h);
            return this;
        }

        public Spec enlarge() {
            b.enlarge();
            return this;
        }

        public Spec gravity(Gravity g) {
            b.gravity(g);
            return this;
        }

        public Spec crop(int w, int h, Gravity g) {
            b.crop(w, h, g);
            return this;
        }

        public Spec rotate(int degrees) {
            rotate = degrees;
            return this;
        }

        public Spec flip(boolean x, boolean y) {
            flipX = x;
            flipY = y;
            return this;
        }

        public Spec blur(double sigma) {
            b.blur(sigma);
            return this;
        }

        public Spec sharpen(double sigma) {
            b.sharpen(sigma);
            return this;
        }

        public Spec background(int r, int g, int bl) {
            b.background(r, g, bl);
            return this;
        }

        public Spec watermark(double opacity, Gravity position, int x, int y, double scale) {
            b.watermark(opacity, position, x, y, scale);
            return this;
        }

        Spec noAutoRotate() {
            b.autoRotate(false);
            return this;
        }

        public Spec quality(int q) {
            b.quality(q);
            return this;
        }

        Spec dropCopyright() {
            b.keepCopyright(false);
            return this;
        }

        public VariantSpec build() {
            return b.rotate(rotate).flip(flipX, flipY).build();
        }
    }

    public static Spec spec() {
        return new Spec();
    }

    static VariantSpec fit(int w, int h) {
        return spec().resize(Resize.FIT, w, h).build();
    }

    static byte[] corpus(String name) {
        String dir = System.getProperty("picbed.corpus.dir", "../it/src/test/resources/corpus/bad");
        try {
            return Files.readAllBytes(Path.of(dir, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new IllegalStateException("no ImageIO reader for these bytes");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decoded through the renderer's own raster conversion: packed straight ARGB. */
    static Rasters.Pixels pixels(byte[] bytes) {
        return Rasters.toPixels(decode(bytes));
    }

    static int frames(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            ImageReader r = it.next();
            try {
                r.setInput(in);
                return r.getNumImages(true);
            } finally {
                r.dispose();
            }
        }
    }

    static byte[] jpeg(BufferedImage img, int quality) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                w.setOutput(out);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality / 100f);
                w.write(null, new IIOImage(img, null, null), p);
            } finally {
                w.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(img, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code w x h} RGB image filled by a function of (x, y) -> 0xRRGGBB. */
    static BufferedImage rgb(int w, int h, PixelFunction f) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, f.at(x, y));
            }
        }
        return img;
    }

    static BufferedImage argb(int w, int h, PixelFunction f) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, f.at(x, y));
            }
        }
        return img;
    }

    interface PixelFunction {
        int at(int x, int y);
    }

    /** Mean of each channel over a rectangle: {r, g, b, a}. */
    static double[] mean(Rasters.Pixels p, int x0, int y0, int w, int h) {
        double[] m = new double[4];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int v = p.px()[y * p.width() + x];
                m[0] += (v >> 16) & 0xFF;
                m[1] += (v >> 8) & 0xFF;
                m[2] += v & 0xFF;
                m[3] += p.alpha() ? v >>> 24 : 255;
            }
        }
        for (int i = 0; i < 4; i++) {
            m[i] /= (double) w * h;
        }
        return m;
    }

    static double[] mean(Rasters.Pixels p) {
        return mean(p, 0, 0, p.width(), p.height());
    }

    /** Mean squared difference between horizontally adjacent luma values: high-frequency energy. */
    static double highFrequency(Rasters.Pixels p) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 1; x < p.width(); x++) {
                double d = luma(p.px()[y * p.width() + x]) - luma(p.px()[y * p.width() + x - 1]);
                sum += d * d;
                n++;
            }
        }
        return sum / n;
    }

    static double luma(int v) {
        return 0.299 * ((v >> 16) & 0xFF) + 0.587 * ((v >> 8) & 0xFF) + 0.114 * (v & 0xFF);
    }

    /**
     * Inserts an APP1 Exif segment (big-endian TIFF, IFD0 with Orientation and optionally Copyright) right after
     * SOI.
     */
    static byte[] withExif(byte[] jpeg, int orientation, String copyright) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        byte[] text = copyright == null ? null : (copyright + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int entries = text == null ? 1 : 2;
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.writeBytes(new byte[] {0, (byte) entries});
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
        int valueAt = 8 + 2 + entries * 12 + 4;
        if (text != null) {
            tiff.writeBytes(new byte[] {(byte) 0x82, (byte) 0x98, 0, 2});
            tiff.writeBytes(be32(text.length));
            tiff.writeBytes(be32(valueAt));
        }
        tiff.writeBytes(be32(0));
        if (text != null) {
            tiff.writeBytes(text);
        }
        byte[] body = tiff.toByteArray();
        int len = 2 + 6 + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Inserts an APP2 ICC_PROFILE segment (single chunk) after SOI and the JFIF APP0 segment. */
    static byte[] withIcc(byte[] jpeg, byte[] icc) {
        int len = 2 + 14 + icc.length;
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(0xE2);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.write(1);
        out.write(1);
        out.writeBytes(icc);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    static byte[] be32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
