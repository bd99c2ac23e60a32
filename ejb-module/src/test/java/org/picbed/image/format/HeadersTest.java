package org.picbed.image.format;

import org.junit.jupiter.api.Test;
import org.picbed.image.ImageFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The render-time header facts: orientation, alpha, progressive, and the one EXIF reader (from SourceMetadataTest). */
class HeadersTest {

    static final Path CORPUS = Path.of(System.getProperty("picbed.corpus.dir", "../it/src/test/resources/corpus/bad"));

    static byte[] corpus(String name) throws IOException {
        return Files.readAllBytes(CORPUS.resolve(name));
    }

    private static SourceInfo headers(String file) throws IOException {
        byte[] bytes = corpus(file);
        return ImageFormats.headers(bytes, ImageFormats.sniff(bytes).orElseThrow());
    }

    @Test
    void orientation() throws IOException {
        SourceInfo o6 = headers("jpeg_exif_orientation6.jpg");
        assertEquals(6, o6.orientation());
        assertTrue(o6.swapsAxes());
        assertEquals(1, headers("ok_baseline.jpg").orientation());
        assertFalse(headers("ok_baseline.jpg").swapsAxes());
    }

    @Test
    void alpha() throws IOException {
        assertTrue(headers("png_palette_trns.png").alpha(), "palette PNG");
        assertFalse(headers("ok_baseline.png").alpha(), "RGB PNG");
        assertFalse(headers("png_16bit_rgb.png").alpha(), "16-bit RGB PNG");
        assertTrue(headers("gif_5000_frames.gif").alpha(), "GIF");
        assertTrue(headers("ico_png_16x16.ico").alpha(), "ICO");
        assertFalse(headers("webp_lossy_64x48.webp").alpha(), "simple lossy WebP");
        assertFalse(headers("ok_baseline.jpg").alpha(), "JPEG");
        assertFalse(headers("bmp_negative_height.bmp").alpha(), "BMP");
    }

    @Test
    void alphaFromTheFirst32Bytes() throws IOException {
        // the variant server reads only the head of an original to choose an auto format
        byte[] palette = Arrays.copyOf(corpus("png_palette_trns.png"), 32);
        assertTrue(ImageFormats.headers(palette, ImageFormat.PNG).alpha());
        assertFalse(ImageFormats.headers(Arrays.copyOf(corpus("ok_baseline.png"), 32), ImageFormat.PNG).alpha());
        byte[] lossless = {'R', 'I', 'F', 'F', 20, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 5, 0, 0, 0, 0x2F, 0, 0, 0, 0};
        assertTrue(ImageFormats.headers(lossless, ImageFormat.WEBP).alpha());
        byte[] extended = {'R', 'I', 'F', 'F', 30, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X', 10, 0, 0, 0,
                0x10, 0, 0, 0, 63, 0, 0, 47, 0, 0};
        assertTrue(ImageFormats.headers(extended, ImageFormat.WEBP).alpha());
        extended[20] = 0;
        assertFalse(ImageFormats.headers(extended, ImageFormat.WEBP).alpha());
        assertEquals(64, ImageFormats.headers(extended, ImageFormat.WEBP).width());
    }

    @Test
    void progressive() throws IOException {
        assertTrue(headers("jpeg_progressive.jpg").progressive());
        assertFalse(headers("ok_baseline.jpg").progressive());
        assertFalse(headers("ok_baseline.png").progressive());
    }

    @Test
    void sizeAndJpegFacts() throws IOException {
        SourceInfo jpeg = headers("ok_baseline.jpg");
        assertEquals(64, jpeg.width());
        assertEquals(48, jpeg.height());
        assertEquals(3, jpeg.jpegComponents());
        assertEquals(8, jpeg.jpegPrecision());
        assertTrue(jpeg.plainJpeg());
        assertEquals(8, headers("gif_5000_frames.gif").width());
    }

    @Test
    void malformedHeadersNeverThrow() throws IOException {
        for (String file : new String[] {"ok_baseline.jpg", "ok_baseline.png", "webp_lossy_64x48.webp", "gif_5000_frames.gif"}) {
            byte[] bytes = corpus(file);
            ImageFormat format = ImageFormats.sniff(bytes).orElseThrow();
            for (int cut = 0; cut < Math.min(bytes.length, 400); cut++) {
                ImageFormats.headers(Arrays.copyOf(bytes, cut), format);
            }
        }
    }

    // --- EXIF (moved from SourceMetadataTest) -----------------------------------------------------------------

    @Test
    void exifLittleEndianAndHostileStructures() {
        // Intel byte order, inline short value
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(8, Exif.read(tiff, 0, tiff.length).orientation());
        // truncated or hostile structures do not throw
        assertEquals(0, Exif.read(new byte[] {'M', 'M', 0, 42, 0x7F, 0, 0, 0}, 0, 8).orientation());
        assertEquals(0, Exif.read(new byte[4], 0, 4).orientation());
    }

    @Test
    void xmpRights() {
        String xmp = "<x:xmpmeta><rdf:RDF><rdf:Description><dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                + "&#169; Ann &amp; Bob</rdf:li></rdf:Alt></dc:rights></rdf:Description></rdf:RDF></x:xmpmeta>";
        assertEquals("\u00a9 Ann & Bob", Exif.xmpRights(xmp));
        assertNull(Exif.xmpRights("<x:xmpmeta/>"));
    }

    @Test
    void exifCopyrightPartsAreJoined() {
        assertEquals("Photographer; Editor", Exif.clean("Photographer\0Editor\0"));
        assertEquals("Editor", Exif.clean(" \0Editor"));
        assertNull(Exif.clean("\0\0"));
    }
}
