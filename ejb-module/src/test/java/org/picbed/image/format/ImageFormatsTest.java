package org.picbed.image.format;

import org.junit.jupiter.api.Test;
import org.picbed.image.ImageFormat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFormatsTest {

    private static final Path CORPUS = Path.of(System.getProperty("picbed.corpus.dir", "../it/src/test/resources/corpus/bad"));
    private final ImageLimits limits = ImageLimits.defaults();

    @Test
    void acceptedFormatsReportTheirDimensions() throws IOException {
        assertEquals(new ImageInfo(ImageFormat.JPEG, 64, 48, 1), inspect("ok_baseline.jpg"));
        assertEquals(new ImageInfo(ImageFormat.JPEG, 64, 48, 1), inspect("jpeg_progressive.jpg"));
        assertEquals(new ImageInfo(ImageFormat.JPEG, 64, 48, 1), inspect("jpeg_cmyk_adobe.jpg"));
        assertEquals(new ImageInfo(ImageFormat.JPEG, 64, 48, 1), inspect("jpeg_zip_phar_polyglot.jpg"));
        assertEquals(new ImageInfo(ImageFormat.PNG, 64, 48, 1), inspect("ok_baseline.png"));
        assertEquals(new ImageInfo(ImageFormat.PNG, 32, 32, 1), inspect("png_16bit_rgb.png"));
        assertEquals(new ImageInfo(ImageFormat.WEBP, 64, 48, 1), inspect("webp_lossy_64x48.webp"));
        assertEquals(new ImageInfo(ImageFormat.BMP, 4, 4, 1), inspect("bmp_negative_height.bmp"));
        assertEquals(new ImageInfo(ImageFormat.ICO, 16, 16, 1), inspect("ico_png_16x16.ico"));
    }

    @Test
    void exifOrientationSwapsTheDisplayedDimensions() throws IOException {
        ImageInfo info = inspect("jpeg_exif_orientation6.jpg");
        assertEquals(32, info.width());
        assertEquals(64, info.height());
    }

    @Test
    void refusalsFollowTheStatusPolicy() {
        assertEquals(422, rejection("jpeg_truncated_scan.jpg").status());
        assertEquals(422, rejection("jpeg_sof_65500x65500.jpg").status());
        assertEquals(422, rejection("png_bomb_100000x100000.png").status());
        assertEquals("frames_exceeded", rejection("gif_5000_frames.gif").code());
        assertEquals(415, rejection("html_as_jpeg.jpg").status());
        assertEquals(415, rejection("svg_script_xxe.svg").status());
        assertEquals(415, rejection("text_as.jpg").status());
        assertEquals(400, rejection("empty_zero_bytes.jpg").status());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutReadingTheRest() throws IOException {
        byte[] header = Arrays.copyOf(Files.readAllBytes(CORPUS.resolve("png_bomb_100000x100000.png")), 33);
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(header), new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read past the header");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new AssertionError("read past the header");
            }
        });
        UploadRejected e = assertThrows(UploadRejected.class, () -> ImageFormats.inspect(endless, limits));
        assertEquals("dimensions_exceeded", e.code());
    }

    @Test
    void aPngWithACorruptChunkIsRefused() throws IOException {
        byte[] png = Files.readAllBytes(CORPUS.resolve("ok_baseline.png"));
        png[60] ^= 0x55;
        UploadRejected e = assertThrows(UploadRejected.class, () -> ImageFormats.inspect(new ByteArrayInputStream(png), limits));
        assertEquals(422, e.status());
    }

    @Test
    void everyTruncationOfAValidFileIsRefused() throws IOException {
        for (String file : new String[] {"ok_baseline.jpg", "ok_baseline.png", "webp_lossy_64x48.webp", "bmp_negative_height.bmp"}) {
            byte[] bytes = Files.readAllBytes(CORPUS.resolve(file));
            for (int cut = 1; cut < bytes.length; cut += Math.max(1, bytes.length / 40)) {
                byte[] prefix = Arrays.copyOf(bytes, cut);
                UploadRejected e = assertThrows(UploadRejected.class, () -> ImageFormats.inspect(new ByteArrayInputStream(prefix), limits),
                        file + " cut at " + cut);
                assertTrue(e.status() == 422 || e.status() == 415, file + " cut at " + cut + ": " + e.status());
            }
        }
    }

    @Test
    void limitsAreConfigurable() throws IOException {
        ImageLimits strict = new ImageLimits(32, 50_000_000L, 300, 100_000_000L, 1 << 20);
        UploadRejected e = assertThrows(UploadRejected.class,
                () -> ImageFormats.inspect(Files.newInputStream(CORPUS.resolve("ok_baseline.jpg")), strict));
        assertEquals("dimensions_exceeded", e.code());
    }

    private ImageInfo inspect(String file) throws IOException {
        try (InputStream in = Files.newInputStream(CORPUS.resolve(file))) {
            return ImageFormats.inspect(in, limits);
        }
    }

    private UploadRejected rejection(String file) {
        return assertThrows(UploadRejected.class, () -> inspect(file), file);
    }
}
