package org.picbed.variant.render;

import org.picbed.image.ImageFormat;

import javax.imageio.ImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AVIF against WebP (and JPEG) at picbed's defaults (not a test): every corpus photo is resized once to each
 * width, then encoded ROUNDS times per format; prints bytes, encode ms and the luma PSNR of the decoded output
 * against the uncompressed resize, so "matched quality" is a measured claim, not a setting.
 * <pre>
 * java -cp ... org.picbed.variant.render.FormatBench [ROUNDS] [FILE...]
 * </pre>
 * Defaults: 5 rounds over five corpus photos in {@code PICBED_CORPUS_DIR}; widths 300 and 1200.
 */
public final class FormatBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        if (files.isEmpty()) {
            for (String f : List.of("photo-kleiber-12mp.jpg", "photo-ladybird-4mp.jpg", "photo-storm-2mp.jpg",
                    "photo-wood-5mp.jpg", "render-volna-15mp.jpg")) {
                files.add(RenderBench.corpusDir().resolve(f));
            }
        }
        RenderSettings settings = RenderSettings.defaults();
        ImageRenderer renderer = new ImageRenderer(settings);
        Heif heif = Heif.get(settings);
        if (heif == null || !heif.writesAvif()) {
            System.out.println("no libheif binding here: nothing to compare");
            return;
        }
        Codecs codecs = Codecs.get();
        Encoder encoder = new Encoder(settings, TurboJpeg.get(settings), heif, codecs);
        System.out.println("encoders: " + heif.info() + "; webp-imageio (libwebp); " + renderer.decoderInfo());
        System.out.println("width\tformat\tquality\tavg_bytes\tavg_encode_ms\tavg_psnr_y_db");
        for (int width : new int[] {300, 1200}) {
            List<Frame> frames = new ArrayList<>();
            for (Path f : files) {
                byte[] png = renderer.render(Files.readAllBytes(f), TestImages.fit(width, width * 4), ImageFormat.PNG)
                        .bytes();
                Rasters.Pixels p = TestImages.pixels(png);
                frames.add(Frame.of(p.px(), p.width(), p.height(), false));
            }
            int defaultQ = org.picbed.client.spec.VariantSpec.DEFAULT_QUALITY;
            for (ImageFormat format : List.of(ImageFormat.JPEG, ImageFormat.WEBP, ImageFormat.AVIF)) {
                long bytes = 0;
                long nanos = 0;
                double psnr = 0;
                for (Frame f : frames) {
                    byte[] out = encode(encoder, format, f, defaultQ); // warm-up and the bytes to measure
                    long t0 = System.nanoTime();
                    for (int r = 0; r < rounds; r++) {
                        out = encode(encoder, format, f, defaultQ);
                    }
                    nanos += System.nanoTime() - t0;
                    bytes += out.length;
                    psnr += psnrY(f, decode(format, out, codecs));
                }
                int n = frames.size();
                int q = format == ImageFormat.AVIF ? settings.avifQuality() : defaultQ;
                System.out.printf("%d\t%s\t%d\t%d\t%.2f\t%.2f%n", width, format.key(), q, bytes / n,
                        nanos / 1e6 / (n * (double) rounds), psnr / n);
            }
        }
    }

    private static byte[] encode(Encoder e, ImageFormat format, Frame f, int quality) throws Exception {
        return switch (format) {
            case JPEG -> e.jpeg(f, quality, null);
            case WEBP -> e.webp(f, quality);
            case AVIF -> e.avif(f, quality);
            default -> throw new IllegalArgumentException(format.key());
        };
    }

    private static int[] decode(ImageFormat format, byte[] bytes, Codecs codecs) throws Exception {
        if (format == ImageFormat.AVIF) {
            return HeifNative.decode(bytes, Integer.MAX_VALUE, new int[3]);
        }
        ImageReader reader = format == ImageFormat.WEBP ? codecs.nativeWebpReader() : codecs.jpegReader();
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in);
            return Rasters.toPixels(reader.read(0)).px();
        } finally {
            reader.dispose();
        }
    }

    /** Peak signal-to-noise ratio of the luma (BT.601) of b against a. */
    static double psnrY(Frame a, int[] b) {
        double sum = 0;
        int n = a.width * a.height;
        for (int i = 0; i < n; i++) {
            double d = luma(a.px[i]) - luma(b[i]);
            sum += d * d;
        }
        double mse = sum / n;
        return mse == 0 ? 99 : 10 * Math.log10(255 * 255 / mse);
    }

    private static double luma(int v) {
        return 0.299 * (v >> 16 & 0xFF) + 0.587 * (v >> 8 & 0xFF) + 0.114 * (v & 0xFF);
    }
}
