package org.picbed.variant.render;

import org.junit.jupiter.api.Test;
import org.picbed.image.ImageFormat;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceMetadataTest {

    @Test
    void jpegHeaderFacts() {
        SourceInfo o6 = SourceMetadata.read(TestImages.corpus("jpeg_exif_orientation6.jpg"), ImageFormat.JPEG);
        assertEquals(6, o6.orientation());
        assertEquals(64, o6.width());
        assertEquals(32, o6.height());
        assertTrue(o6.plainJpeg());
        SourceInfo cmyk = SourceMetadata.read(TestImages.corpus("jpeg_cmyk_adobe.jpg"), ImageFormat.JPEG);
        assertEquals(4, cmyk.jpegComponents());
        assertTrue(cmyk.adobe());
        assertFalse(cmyk.plainJpeg(), "CMYK goes to TwelveMonkeys, not TurboJPEG");
    }

    @Test
    void exifCopyrightAndLittleEndian() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.rgb(8, 8, (x, y) -> 0), 90), 3, "Jane");
        SourceInfo info = SourceMetadata.read(jpeg, ImageFormat.JPEG);
        assertEquals(3, info.orientation());
        assertEquals("Jane", info.copyright());
        // Intel byte order, inline short value
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(8, SourceMetadata.exif(tiff, 0, tiff.length).orientation());
        // truncated or hostile structures do not throw
        assertEquals(0, SourceMetadata.exif(new byte[] {'M', 'M', 0, 42, 0x7F, 0, 0, 0}, 0, 8).orientation());
        assertEquals(0, SourceMetadata.exif(new byte[4], 0, 4).orientation());
    }

    @Test
    void xmpRights() {
        String xmp = "<x:xmpmeta><rdf:RDF><rdf:Description><dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                + "&#169; Ann &amp; Bob</rdf:li></rdf:Alt></dc:rights></rdf:Description></rdf:RDF></x:xmpmeta>";
        assertEquals("\u00a9 Ann & Bob", SourceMetadata.xmpRights(xmp));
        assertNull(SourceMetadata.xmpRights("<x:xmpmeta/>"));
    }

    @Test
    void exifCopyrightPartsAreJoined() {
        assertEquals("Photographer; Editor", SourceMetadata.clean("Photographer\0Editor\0"));
        assertEquals("Editor", SourceMetadata.clean(" \0Editor"));
        assertNull(SourceMetadata.clean("\0\0"));
    }

    @Test
    void pngAndWebpHeaders() {
        SourceInfo png = SourceMetadata.read(TestImages.corpus("png_16bit_rgb.png"), ImageFormat.PNG);
        assertEquals(32, png.width());
        SourceInfo webp = SourceMetadata.read(TestImages.corpus("webp_lossy_64x48.webp"), ImageFormat.WEBP);
        assertEquals(64, webp.width());
        assertEquals(48, webp.height());
        SourceInfo bomb = SourceMetadata.read(TestImages.corpus("png_bomb_100000x100000.png"), ImageFormat.PNG);
        assertEquals(100000, bomb.width());
    }

    @Test
    void writtenCopyrightIsAValidExifSegment() {
        byte[] jpeg = TestImages.jpeg(TestImages.rgb(8, 8, (x, y) -> 0), 90);
        for (String c : new String[] {"ab", "(c) 2025 Someone with a longer name", "\u00a9 J\u00fcrgen"}) {
            byte[] out = Encoder.withExifCopyright(jpeg, c);
            assertEquals(c, SourceMetadata.read(out, ImageFormat.JPEG).copyright());
            assertEquals(8, TestImages.decode(out).getWidth());
        }
        assertTrue(new String(Encoder.withExifCopyright(jpeg, "x"), StandardCharsets.ISO_8859_1).contains("Exif"));
    }
}
