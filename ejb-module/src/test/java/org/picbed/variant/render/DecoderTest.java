package org.picbed.variant.render;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picbed.image.ImageFormat;
import org.picbed.image.format.ImageFormats;
import org.picbed.image.format.SourceInfo;
import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.Resize;
import org.picbed.client.spec.VariantSpec;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picbed.variant.render.TestImages.fit;

/** Reduced-scale decoding: the pipeline never holds a full-resolution raster for a small target. */
class DecoderTest {

    static byte[] big;

    /** A 6000x4000 baseline JPEG with smooth gradients and a few sharp bars. */
    @BeforeAll
    static void bigJpeg() {
        int w = 6000;
        int h = 4000;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                boolean bar = (x / 400) % 2 == 0 && y < 1000;
                d[i] = (byte) (bar ? 0 : x * 255 / w); // blue
                d[i + 1] = (byte) (bar ? 0 : y * 255 / h); // green
                d[i + 2] = (byte) (bar ? 255 : 128); // red
            }
        }
        big = TestImages.jpeg(img, 85);
    }

    private static RenderContext context(RenderSettings settings, byte[] src, VariantSpec spec, ImageFormat format) {
        SourceInfo info = ImageFormats.headers(src, format);
        return new RenderContext(settings, info, spec, ImageFormat.JPEG, () -> null);
    }

    @Test
    void planLeavesTwiceTheOutputResolution() {
        VariantSpec thumb = fit(300, 0);
        Decoder.Plan plan = Decoder.Plan.of(6000, 4000, 1, thumb);
        assertEquals(0.05, plan.need(), 1e-9);
        assertEquals(10, plan.maxShrink());
        assertEquals(1, Decoder.Plan.of(6000, 4000, 1, fit(3000, 0)).maxShrink());
        assertEquals(2, Decoder.Plan.of(6000, 4000, 1, fit(1500, 0)).maxShrink());
        assertEquals(1, Decoder.Plan.of(6000, 4000, 1, VariantSpec.IDENTITY).maxShrink());
        // a crop raises the resolution needed of what is left
        Decoder.Plan cropped = Decoder.Plan.of(6000, 4000, 1,
                TestImages.spec().crop(600, 400, Gravity.EAST).resize(Resize.FIT, 300, 0).build());
        assertEquals(0.5, cropped.need(), 1e-9);
        assertEquals(new Geometry.Box(5400, 1800, 600, 400), cropped.region());
        // orientation 6: the oriented image is 4000x6000
        Decoder.Plan turned = Decoder.Plan.of(6000, 4000, 6, TestImages.spec().crop(0, 1000, Gravity.NORTH).build());
        assertEquals(new Geometry.Box(0, 0, 4000, 1000), turned.region());
    }

    @Test
    void concurrentRendersShareARasterBudget() throws Exception {
        SourceInfo info = ImageFormats.headers(big, ImageFormat.JPEG);
        assertEquals(750L * 500, ImageRenderer.rasterEstimate(info, fit(300, 0), 1));
        assertEquals(6000L * 4000, ImageRenderer.rasterEstimate(info, VariantSpec.IDENTITY, 1));
        RasterBudget budget = new RasterBudget(32);
        assertEquals(1, budget.permitsFor(375_000));
        assertEquals(24, budget.permitsFor(24_000_000));
        assertEquals(32, budget.permitsFor(90_000_000)); // one huge render still runs, alone
        int taken = budget.acquire(24_000_000);
        assertEquals(8, budget.available());
        budget.release(taken);
        assertEquals(32, budget.available());
        // a render gives its share back even when it fails
        ImageRenderer renderer = new ImageRenderer(RenderSettings.defaults().withMaxInflightMegapixels(4));
        byte[] broken = java.util.Arrays.copyOf(big, 4000); // header says 6000x4000, the data stops early
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 4; i++) { // each takes the whole budget: a leaked permit would block the next
                try {
                    renderer.render(broken, fit(1000, 0), ImageFormat.JPEG);
                } catch (RenderException expected) {
                    // refused or rendered grey, the budget must be whole again either way
                }
                assertEquals(750, renderer.render(big, fit(750, 0), ImageFormat.JPEG).width());
            }
        });
    }

    @Test
    void imageioDecodesSubsampledForASmallTarget() throws Exception {
        RenderSettings settings = RenderSettings.defaults().withTurbojpeg(false);
        Decoder decoder = new Decoder(settings, null, null, Codecs.get());
        VariantSpec spec = fit(300, 0);
        Frame f = decoder.decode(big, ImageFormats.headers(big, ImageFormat.JPEG), spec, context(settings, big, spec,
                ImageFormat.JPEG));
        assertTrue(f.width <= 6000 / 4, "decoded " + f.width + " px wide");
        assertTrue(f.width >= 600, "but at least twice the target: " + f.width);
        assertEquals(6000, f.logicalWidth);
    }

    @Test
    void imageioDecodesOnlyTheCroppedRegion() throws Exception {
        RenderSettings settings = RenderSettings.defaults().withTurbojpeg(false);
        Decoder decoder = new Decoder(settings, null, null, Codecs.get());
        VariantSpec spec = TestImages.spec().crop(800, 800, Gravity.NORTH_WEST).build();
        Frame f = decoder.decode(big, ImageFormats.headers(big, ImageFormat.JPEG), spec, context(settings, big, spec,
                ImageFormat.JPEG));
        assertEquals(800, f.width);
        assertEquals(800, f.height);
        assertEquals(800, f.coverW, 1e-9);
    }

    @Test
    void turboJpegDecodesDctScaled() throws Exception {
        TurboJpeg turbo = TurboJpeg.get(RenderSettings.defaults());
        Assumptions.assumeTrue(turbo != null, "TurboJPEG (libturbojpeg-java) is not installed");
        RenderSettings settings = RenderSettings.defaults();
        Decoder decoder = new Decoder(settings, turbo, null, Codecs.get());
        VariantSpec spec = fit(300, 0);
        Frame f = decoder.decode(big, ImageFormats.headers(big, ImageFormat.JPEG), spec, context(settings, big, spec,
                ImageFormat.JPEG));
        assertEquals(750, f.width); // 1/8
        assertEquals(500, f.height);
        assertTrue(new ImageRenderer(settings).decoderInfo().startsWith("turbojpeg"));
    }

    @Test
    void aSmallCropOfABigJpegIsNotDecodedWhole() throws Exception {
        TurboJpeg turbo = TurboJpeg.get(RenderSettings.defaults());
        Assumptions.assumeTrue(turbo != null, "TurboJPEG is not installed");
        RenderSettings settings = RenderSettings.defaults();
        Decoder decoder = new Decoder(settings, turbo, null, Codecs.get());
        VariantSpec spec = TestImages.spec().crop(800, 600, Gravity.SOUTH_EAST).build();
        Frame f = decoder.decode(big, ImageFormats.headers(big, ImageFormat.JPEG), spec, context(settings, big, spec,
                ImageFormat.JPEG));
        assertEquals(800, f.width);
        assertEquals(600, f.height);
        assertEquals(5200, f.coverX, 1e-9);
    }

    @Test
    void turboJpegAndImageioGiveTheSameResult() throws Exception {
        Assumptions.assumeTrue(TurboJpeg.get(RenderSettings.defaults()) != null, "TurboJPEG is not installed");
        for (VariantSpec spec : new VariantSpec[] {fit(300, 0), TestImages.spec().resize(Resize.FILL, 200, 200).build(),
                TestImages.spec().crop(3000, 3000, Gravity.SOUTH_EAST).resize(Resize.FIT, 0, 250).build()}) {
            Rendition t = ImageRendererTest.RENDERER.render(big, spec, ImageFormat.PNG);
            Rendition i = ImageRendererTest.IMAGEIO.render(big, spec, ImageFormat.PNG);
            assertEquals(t.width(), i.width());
            assertEquals(t.height(), i.height());
            Rasters.Pixels a = TestImages.pixels(t.bytes());
            Rasters.Pixels b = TestImages.pixels(i.bytes());
            double diff = 0;
            for (int k = 0; k < a.px().length; k++) {
                diff += Math.abs(TestImages.luma(a.px()[k]) - TestImages.luma(b.px()[k]));
            }
            assertTrue(diff / a.px().length < 6, "mean luma difference " + diff / a.px().length);
        }
    }

    @Test
    void bigThumbnailsAreRightOnBothPaths() throws Exception {
        for (ImageRenderer renderer : new ImageRenderer[] {ImageRendererTest.RENDERER, ImageRendererTest.IMAGEIO}) {
            Rendition r = renderer.render(big, fit(300, 0), ImageFormat.JPEG);
            assertEquals(300, r.width());
            assertEquals(200, r.height());
            Rasters.Pixels p = TestImages.pixels(r.bytes());
            // the red bars at the top survive the shrink: pixel (10, 10) is inside the first bar
            int v = p.px()[10 * 300 + 10];
            assertTrue(((v >> 16) & 0xFF) > 220 && ((v >> 8) & 0xFF) < 40, Integer.toHexString(v));
            assertNotNull(r.bytes());
        }
    }
}
