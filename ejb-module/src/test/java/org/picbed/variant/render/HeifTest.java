package org.picbed.variant.render;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picbed.image.ImageFormat;
import org.picbed.image.format.ImageFormats;
import org.picbed.image.format.ImageInfo;
import org.picbed.image.format.ImageLimits;
import org.picbed.image.format.UploadRejected;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.picbed.variant.render.ImageRendererTest.BLUE;
import static org.picbed.variant.render.ImageRendererTest.RED;
import static org.picbed.variant.render.ImageRendererTest.near;
import static org.picbed.variant.render.ImageRendererTest.redLeftBlueRight;
import static org.picbed.variant.render.TestImages.fit;
import static org.picbed.variant.render.TestImages.mean;
import static org.picbed.variant.render.TestImages.pixels;

/**
 * HEIC/AVIF through the libheif binding: AVIF output, HEIC and AVIF sources, and the upload inspection of both
 * containers. Runs wherever the binding can be built (cc and libheif-dev, which .ci/run installs); elsewhere the
 * module is built without it and this test is skipped, as the server then refuses these formats with 415.
 */
class HeifTest {

    static final ImageRenderer RENDERER = new ImageRenderer(RenderSettings.defaults());
    static Heif heif;

    @BeforeAll
    static void binding() throws Exception {
        boolean headers = new ProcessBuilder("pkg-config", "--exists", "libheif").start().waitFor() == 0;
        heif = Heif.get(RenderSettings.defaults());
        if (headers) {
            assertNotNull(heif, "libheif-dev is installed, so the binding must be built and load");
        }
        assumeTrue(heif != null, "no libheif binding on this machine");
    }

    /** A 400x200 red|blue picture in a HEIF container of the given compression, straight from the binding. */
    static byte[] heifFile(int compression, int w, int h) {
        Rasters.Pixels p = pixels(redLeftBlueRight(w, h));
        return HeifNative.encode(p.px(), w, h, false, compression, 80, 8);
    }

    @Test
    void avifOutputIsARealAvifOfTheRightSizeAndColours() throws Exception {
        assertTrue(RENDERER.writesAvif());
        Rendition r = RENDERER.render(redLeftBlueRight(400, 200), fit(200, 200), ImageFormat.AVIF);
        assertEquals(200, r.width());
        assertEquals(100, r.height());
        assertEquals(Optional.of(ImageFormat.AVIF), ImageFormats.sniff(Arrays.copyOf(r.bytes(), 32)));
        ImageInfo info = ImageFormats.inspect(new ByteArrayInputStream(r.bytes()), ImageLimits.defaults());
        assertEquals(200, info.width());
        assertEquals(100, info.height());
        // decoded again (libheif's dav1d/aom decoder): red on the left, blue on the right
        Rendition back = RENDERER.render(r.bytes(), fit(200, 200), ImageFormat.PNG);
        Rasters.Pixels px = pixels(back.bytes());
        assertTrue(near(mean(px, 10, 10, 60, 80), RED, 24), Arrays.toString(mean(px, 10, 10, 60, 80)));
        assertTrue(near(mean(px, 130, 10, 60, 80), BLUE, 24), Arrays.toString(mean(px, 130, 10, 60, 80)));
    }

    @Test
    void avifKeepsAlphaAndWritesNoMetadata() throws Exception {
        byte[] png = TestImages.png(TestImages.argb(64, 64, (x, y) -> x < 32 ? 0x00000000 : 0xFF00FF00));
        Rendition r = RENDERER.render(png, fit(64, 64), ImageFormat.AVIF);
        String text = new String(r.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("auxC") && text.contains("alpha"), "an alpha auxiliary image");
        assertTrue(!text.contains("Exif") && !text.contains("<x:xmpmeta"), "no EXIF or XMP");
        Rasters.Pixels back = pixels(RENDERER.render(r.bytes(), fit(64, 64), ImageFormat.PNG).bytes());
        assertTrue((back.px()[5 * 64 + 5] >>> 24) < 16, "transparent left");
        assertTrue((back.px()[5 * 64 + 50] >>> 24) > 240, "opaque right");
    }

    @Test
    void heicSourceIsInspectedAndRenders() throws Exception {
        assumeTrue(HeifNative.canEncode(HeifNative.HEVC), "no HEVC encoder (x265) to make a HEIC here");
        byte[] heic = heifFile(HeifNative.HEVC, 400, 200);
        assertEquals(Optional.of(ImageFormat.HEIC), ImageFormats.sniff(Arrays.copyOf(heic, 32)));
        ImageInfo info = ImageFormats.inspect(new ByteArrayInputStream(heic), ImageLimits.defaults());
        assertEquals(new ImageInfo(ImageFormat.HEIC, 400, 200, 1), info);
        for (ImageFormat out : new ImageFormat[] {ImageFormat.JPEG, ImageFormat.WEBP, ImageFormat.AVIF}) {
            Rendition r = RENDERER.render(heic, fit(100, 100), out);
            assertEquals(100, r.width(), out.key());
            assertEquals(50, r.height(), out.key());
        }
        Rasters.Pixels px = pixels(RENDERER.render(heic, fit(100, 100), ImageFormat.PNG).bytes());
        assertTrue(near(mean(px, 5, 5, 30, 40), RED, 24));
        assertTrue(near(mean(px, 65, 5, 30, 40), BLUE, 24));
    }

    @Test
    void truncatedOrOversizedContainersAreRefusedBeforeDecoding() throws Exception {
        byte[] avif = heifFile(HeifNative.AV1, 400, 200);
        byte[] cut = Arrays.copyOf(avif, avif.length - 40);
        UploadRejected truncated = assertThrows(UploadRejected.class,
                () -> ImageFormats.inspect(new ByteArrayInputStream(cut), ImageLimits.defaults()));
        assertEquals(422, truncated.status());
        ImageLimits small = new ImageLimits(300, 50_000_000L, 300, 100_000_000L, 25L << 20);
        UploadRejected big = assertThrows(UploadRejected.class,
                () -> ImageFormats.inspect(new ByteArrayInputStream(avif), small));
        assertEquals(422, big.status());
        assertEquals("dimensions_exceeded", big.code());
        // a damaged meta box: 422, not a crash
        byte[] damaged = avif.clone();
        int meta = new String(damaged, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("meta");
        damaged[meta - 1] = (byte) 0x7F; // box size runs past its parent
        UploadRejected broken = assertThrows(UploadRejected.class,
                () -> ImageFormats.inspect(new ByteArrayInputStream(damaged), ImageLimits.defaults()));
        assertEquals(422, broken.status());
    }

    @Test
    void withoutTheBindingAvifIsUnsupported() {
        ImageRenderer off = new ImageRenderer(RenderSettings.defaults().withHeif(false));
        assertTrue(!off.writesAvif());
        RenderException e = assertThrows(RenderException.class,
                () -> off.render(redLeftBlueRight(40, 20), fit(20, 20), ImageFormat.AVIF));
        assertEquals(RenderException.UNSUPPORTED, e.reason());
    }
}
