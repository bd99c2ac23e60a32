package org.picbed.variant.render;

import org.junit.jupiter.api.Test;
import org.picbed.image.ImageFormat;
import org.picbed.image.format.ImageFormats;
import org.picbed.image.format.SourceInfo;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The header facts the renderer reads through {@link ImageFormats#headers} (was SourceMetadataTest; the EXIF, XMP
 * and notice-cleaning cases that need package access moved to org.picbed.image.format.HeadersTest).
 */
class SourceHeadersTest {

    @Test
    void jpegHeaderFacts() {
        SourceInfo o6 = ImageFormats.headers(TestImages.corpus("jpeg_exif_orientation6.jpg"), ImageFormat.JPEG);
        assertEquals(6, o6.orientation());
        assertEquals(64, o6.width());
        assertEquals(32, o6.height());
        assertTrue(o6.plainJpeg());
        SourceInfo cmyk = ImageFormats.headers(TestImages.corpus("jpeg_cmyk_adobe.jpg"), ImageFormat.JPEG);
        assertEquals(4, cmyk.jpegComponents());
        assertTrue(cmyk.adobe());
        assertFalse(cmyk.plainJpeg(), "CMYK goes to TwelveMonkeys, not TurboJPEG");
    }

    @Test
    void exifCopyrightAndOrientationOfAWrittenJpeg() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.rgb(8, 8, (x, y) -> 0), 90), 3, "Jane");
        SourceInfo info = ImageFormats.headers(jpeg, ImageFormat.JPEG);
        assertEquals(3, info.orientation());
        assertEquals("Jane", info.copyright());
    }

    @Test
    void pngAndWebpHeaders() {
        SourceInfo png = ImageFormats.headers(TestImages.corpus("png_16bit_rgb.png"), ImageFormat.PNG);
        assertEquals(32, png.width());
        SourceInfo webp = ImageFormats.headers(TestImages.corpus("webp_lossy_64x48.webp"), ImageFormat.WEBP);
        assertEquals(64, webp.width());
        assertEquals(48, webp.height());
        SourceInfo bomb = ImageFormats.headers(TestImages.corpus("png_bomb_100000x100000.png"), ImageFormat.PNG);
        assertEquals(100000, bomb.width());
    }

    @Test
    void writtenCopyrightIsAValidExifSegment() {
        byte[] jpeg = TestImages.jpeg(TestImages.rgb(8, 8, (x, y) -> 0), 90);
        for (String c : new String[] {"ab", "(c) 2025 Someone with a longer name", "\u00a9 J\u00fcrgen"}) {
            byte[] out = Encoder.withExifCopyright(jpeg, c);
            assertEquals(c, ImageFormats.headers(out, ImageFormat.JPEG).copyright());
            assertEquals(8, TestImages.decode(out).getWidth());
        }
        assertTrue(new String(Encoder.withExifCopyright(jpeg, "x"), StandardCharsets.ISO_8859_1).contains("Exif"));
    }
}
