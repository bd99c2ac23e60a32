package org.picbed.variant.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.picbed.image.ImageFormat;
import org.picbed.image.format.ImageFormats;
import org.picbed.image.format.SourceInfo;
import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.Resize;
import org.picbed.client.spec.VariantSpec;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picbed.variant.render.TestImages.corpus;
import static org.picbed.variant.render.TestImages.fit;
import static org.picbed.variant.render.TestImages.mean;
import static org.picbed.variant.render.TestImages.pixels;
import static org.picbed.variant.render.TestImages.spec;

class ImageRendererTest {

    static final ImageRenderer RENDERER = new ImageRenderer(RenderSettings.defaults());
    static final ImageRenderer IMAGEIO = new ImageRenderer(RenderSettings.defaults().withTurbojpeg(false));

    static final int RED = 0xFF0000;
    static final int BLUE = 0x0000FF;

    /** 400x200 (or any size): left half red, right half blue. */
    static byte[] redLeftBlueRight(int w, int h) {
        return TestImages.png(TestImages.rgb(w, h, (x, y) -> x < w / 2 ? RED : BLUE));
    }

    static boolean near(double[] mean, int rgb, double tolerance) {
        return Math.abs(mean[0] - ((rgb >> 16) & 0xFF)) <= tolerance && Math.abs(mean[1] - ((rgb >> 8) & 0xFF)) <= tolerance
                && Math.abs(mean[2] - (rgb & 0xFF)) <= tolerance;
    }

    // --- sizes ---------------------------------------------------------------------------------------------

    @Test
    void fitKeepsTheAspectRatioInsideTheBox() throws Exception {
        byte[] src = TestImages.jpeg(TestImages.rgb(800, 600, (x, y) -> x * 255 / 800 << 16 | y * 255 / 600), 90);
        Rendition r = RENDERER.render(src, fit(200, 200), ImageFormat.JPEG);
        assertEquals(200, r.width());
        assertEquals(150, r.height());
        BufferedImage back = TestImages.decode(r.bytes());
        assertEquals(200, back.getWidth());
        assertEquals(150, back.getHeight());
        assertEquals(ImageFormat.JPEG, r.format());
        assertFalse(r.animationTruncated());
    }

    @Test
    void aZeroSideFollowsTheAspectRatio() throws Exception {
        byte[] src = TestImages.png(TestImages.rgb(800, 600, (x, y) -> 0x808080));
        Rendition byWidth = RENDERER.render(src, fit(300, 0), ImageFormat.PNG);
        assertEquals(300, byWidth.width());
        assertEquals(225, byWidth.height());
        Rendition byHeight = RENDERER.render(src, spec().resize(Resize.FILL, 0, 60).build(), ImageFormat.PNG);
        assertEquals(80, byHeight.width());
        assertEquals(60, byHeight.height());
    }

    @Test
    void fillCoversTheBoxAndCropsTheOverflow() throws Exception {
        byte[] src = redLeftBlueRight(400, 200);
        Rendition r = RENDERER.render(src, spec().resize(Resize.FILL, 100, 100).build(), ImageFormat.PNG);
        assertEquals(100, r.width());
        assertEquals(100, r.height());
        Rasters.Pixels p = pixels(r.bytes());
        // the centre of a red|blue image: red on the left, blue on the right
        assertTrue(near(mean(p, 0, 0, 40, 100), RED, 2));
        assertTrue(near(mean(p, 60, 0, 40, 100), BLUE, 2));
    }

    @Test
    void fillAtAGravityKeepsThatSide() throws Exception {
        byte[] src = redLeftBlueRight(400, 200);
        Rendition west = RENDERER.render(src, spec().resize(Resize.FILL, 100, 100).gravity(Gravity.WEST).build(),
                ImageFormat.PNG);
        assertTrue(near(mean(pixels(west.bytes())), RED, 2));
        Rendition east = RENDERER.render(src, spec().resize(Resize.FILL, 100, 100).gravity(Gravity.EAST).build(),
                ImageFormat.PNG);
        assertTrue(near(mean(pixels(east.bytes())), BLUE, 2));
    }

    @Test
    void forceIgnoresTheAspectRatio() throws Exception {
        byte[] src = redLeftBlueRight(400, 200);
        Rendition r = RENDERER.render(src, spec().resize(Resize.FORCE, 50, 150).build(), ImageFormat.PNG);
        assertEquals(50, r.width());
        assertEquals(150, r.height());
        Rasters.Pixels p = pixels(r.bytes());
        assertTrue(near(mean(p, 0, 0, 20, 150), RED, 2)); // squeezed, not cropped
        assertTrue(near(mean(p, 30, 0, 20, 150), BLUE, 2));
    }

    @Test
    void neverEnlargesUnlessAsked() throws Exception {
        byte[] src = corpus("ok_baseline.jpg"); // 64x48
        for (Resize mode : Resize.values()) {
            Rendition r = RENDERER.render(src, spec().resize(mode, 640, 480).build(), ImageFormat.JPEG);
            assertEquals(64, r.width(), mode.name());
            assertEquals(48, r.height(), mode.name());
        }
        Rendition fill = RENDERER.render(src, spec().resize(Resize.FILL, 32, 480).build(), ImageFormat.JPEG);
        assertEquals(32, fill.width()); // cropped to the box where the source allows, not enlarged
        assertEquals(48, fill.height());
        Rendition enlarged = RENDERER.render(src, spec().resize(Resize.FIT, 640, 480).enlarge().build(),
                ImageFormat.JPEG);
        assertEquals(640, enlarged.width());
        assertEquals(480, enlarged.height());
    }

    @Test
    void identityKeepsTheSize() throws Exception {
        Rendition r = RENDERER.render(corpus("ok_baseline.png"), VariantSpec.IDENTITY, ImageFormat.WEBP);
        assertEquals(64, r.width());
        assertEquals(48, r.height());
    }

    // --- orientation ---------------------------------------------------------------------------------------

    @Test
    void exifOrientation6ComesOutPortraitRedOnTop() throws Exception {
        // stored 64x32, left half red, right half blue, Orientation=6 (rotate 90 CW)
        Rendition r = RENDERER.render(corpus("jpeg_exif_orientation6.jpg"), VariantSpec.IDENTITY, ImageFormat.PNG);
        assertEquals(32, r.width());
        assertEquals(64, r.height());
        Rasters.Pixels p = pixels(r.bytes());
        assertTrue(near(mean(p, 4, 4, 24, 24), RED, 40), "top is red");
        assertTrue(near(mean(p, 4, 36, 24, 24), BLUE, 40), "bottom is blue");

        Rendition raw = RENDERER.render(corpus("jpeg_exif_orientation6.jpg"), spec().noAutoRotate().build(),
                ImageFormat.PNG);
        assertEquals(64, raw.width());
        assertEquals(32, raw.height());
    }

    /** Quadrants: top-left red, top-right green, bottom-left blue, bottom-right white. */
    static int quadrant(int x, int y, int w, int h) {
        boolean right = x >= w / 2;
        boolean bottom = y >= h / 2;
        return bottom ? (right ? 0xFFFFFF : BLUE) : (right ? 0x00FF00 : RED);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyExifOrientationIsUndone(int orientation) throws Exception {
        // draw the upright picture, store it the way a camera with that orientation would, tag it
        int w = 96;
        int h = 64;
        BufferedImage upright = TestImages.rgb(w, h, (x, y) -> quadrant(x, y, w, h));
        Rasters.Pixels up = Rasters.toPixels(upright);
        int[] stored = inverseOrient(up.px(), w, h, orientation);
        boolean swap = orientation >= 5;
        int sw = swap ? h : w;
        int sh = swap ? w : h;
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(Rasters.wrap(stored, sw, sh, false), 95), orientation, null);
        for (ImageRenderer renderer : new ImageRenderer[] {RENDERER, IMAGEIO}) {
            Rendition r = renderer.render(jpeg, VariantSpec.IDENTITY, ImageFormat.PNG);
            assertEquals(w, r.width());
            assertEquals(h, r.height());
            Rasters.Pixels p = pixels(r.bytes());
            assertTrue(near(mean(p, 8, 8, 24, 16), RED, 30), "top-left red, orientation " + orientation);
            assertTrue(near(mean(p, 64, 8, 24, 16), 0x00FF00, 30), "top-right green, orientation " + orientation);
            assertTrue(near(mean(p, 8, 40, 24, 16), BLUE, 30), "bottom-left blue, orientation " + orientation);
            assertTrue(near(mean(p, 64, 40, 24, 16), 0xFFFFFF, 30), "bottom-right white, orientation " + orientation);
        }
    }

    /** The stored raster that orientation o turns into the upright one. */
    private static int[] inverseOrient(int[] upright, int w, int h, int o) {
        int inverse = switch (o) {
            case 6 -> 8;
            case 8 -> 6;
            default -> o; // 1-5 and 7 are their own inverses
        };
        return PixelOps.orient(upright, w, h, inverse);
    }

    // --- colour ----------------------------------------------------------------------------------------------

    @Test
    void cmykAdobeJpegIsNotInverted() throws Exception {
        byte[] src = corpus("jpeg_cmyk_adobe.jpg");
        // what TwelveMonkeys (colour-managed CMYK -> sRGB) makes of it, through ImageIO's registry
        double[] expected = mean(Rasters.toPixels(TestImages.decode(src)));
        for (ImageRenderer renderer : new ImageRenderer[] {RENDERER, IMAGEIO}) {
            Rendition r = renderer.render(src, VariantSpec.IDENTITY, ImageFormat.PNG);
            double[] got = mean(pixels(r.bytes()));
            for (int c = 0; c < 3; c++) {
                assertTrue(Math.abs(got[c] - expected[c]) < 6, "channel " + c + ": " + got[c] + " vs " + expected[c]);
                // an inverted decode would sit near the complement
                assertTrue(Math.abs(got[c] - (255 - expected[c])) > 20 || Math.abs(expected[c] - 127.5) < 10);
            }
        }
    }

    @Test
    void sixteenBitPngBecomesEightBitWithTheRightColours() throws Exception {
        byte[] src = corpus("png_16bit_rgb.png");
        BufferedImage img = TestImages.decode(src);
        assertEquals(16, img.getColorModel().getComponentSize(0));
        Rendition r = RENDERER.render(src, VariantSpec.IDENTITY, ImageFormat.PNG);
        BufferedImage out = TestImages.decode(r.bytes());
        assertEquals(8, out.getColorModel().getComponentSize(0));
        int[] sample = new int[3];
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 5) {
                img.getRaster().getPixel(x, y, sample);
                int rgb = out.getRGB(x, y);
                assertEquals(Math.round(sample[0] / 257.0), (rgb >> 16) & 0xFF, 1);
                assertEquals(Math.round(sample[1] / 257.0), (rgb >> 8) & 0xFF, 1);
                assertEquals(Math.round(sample[2] / 257.0), rgb & 0xFF, 1);
            }
        }
        assertEquals(16, RENDERER.render(src, fit(16, 0), ImageFormat.JPEG).width());
    }

    @Test
    void greyJpegStaysGrey() throws Exception {
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                grey.getRaster().setSample(x, y, 0, 100);
            }
        }
        byte[] src = TestImages.jpeg(grey, 95);
        for (ImageRenderer renderer : new ImageRenderer[] {RENDERER, IMAGEIO}) {
            double[] m = mean(pixels(renderer.render(src, fit(32, 0), ImageFormat.PNG).bytes()));
            assertEquals(100, m[0], 2); // not gamma-brightened as "linear grey"
            assertEquals(100, m[2], 2);
        }
    }

    @Test
    void anEmbeddedNonSrgbProfileIsConvertedToSrgb() throws Exception {
        // a linear-light RGB profile: mid grey 128 stored linearly is ~188 in sRGB
        byte[] icc = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
        byte[] plain = TestImages.jpeg(TestImages.rgb(64, 64, (x, y) -> 0x808080), 95);
        byte[] tagged = TestImages.withIcc(plain, icc);
        for (ImageRenderer renderer : new ImageRenderer[] {RENDERER, IMAGEIO}) {
            double untagged = mean(pixels(renderer.render(plain, VariantSpec.IDENTITY, ImageFormat.PNG).bytes()))[1];
            double converted = mean(pixels(renderer.render(tagged, VariantSpec.IDENTITY, ImageFormat.PNG).bytes()))[1];
            assertEquals(128, untagged, 2);
            assertTrue(converted > 170, "linear 128 -> sRGB ~188, got " + converted);
        }
    }

    // --- transparency ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"PNG", "WEBP", "GIF"})
    void paletteTransparencyIsKept(ImageFormat output) throws Exception {
        byte[] src = corpus("png_palette_trns.png");
        Rasters.Pixels in = pixels(src);
        assertTrue(in.alpha());
        Rendition r = RENDERER.render(src, VariantSpec.IDENTITY, output);
        Rasters.Pixels out = pixels(r.bytes());
        assertEquals(in.width(), out.width());
        assertTrue(out.alpha(), output + " keeps an alpha channel");
        int transparent = 0;
        for (int i = 0; i < in.px().length; i++) {
            int a = in.px()[i] >>> 24;
            if (a == 0) {
                transparent++;
                assertEquals(0, out.px()[i] >>> 24, output + " pixel " + i + " stays transparent");
            } else if (a == 255) {
                assertTrue((out.px()[i] >>> 24) > 200, output + " pixel " + i + " stays opaque");
            }
        }
        assertTrue(transparent > 0);
    }

    @Test
    void transparencyIsFlattenedOntoTheBackground() throws Exception {
        // left half transparent, right half opaque green
        byte[] src = TestImages.png(TestImages.argb(64, 32, (x, y) -> x < 32 ? 0x00000000 : 0xFF00FF00));
        Rendition red = RENDERER.render(src, spec().background(255, 0, 0).build(), ImageFormat.JPEG);
        Rasters.Pixels p = pixels(red.bytes());
        assertTrue(near(mean(p, 2, 2, 24, 28), RED, 12), "transparent -> background");
        assertTrue(near(mean(p, 38, 2, 24, 28), 0x00FF00, 12), "opaque stays");
        Rendition white = RENDERER.render(src, VariantSpec.IDENTITY, ImageFormat.JPEG);
        assertTrue(near(mean(pixels(white.bytes()), 2, 2, 24, 28), 0xFFFFFF, 6), "JPEG has no alpha: white");
        Rendition png = RENDERER.render(src, spec().background(255, 0, 0).build(), ImageFormat.PNG);
        Rasters.Pixels pp = pixels(png.bytes());
        assertTrue(near(mean(pp, 2, 2, 24, 28), RED, 1));
        assertEquals(255, mean(pp)[3], 0.01);
    }

    // --- crop, gravity ----------------------------------------------------------------------------------------

    @Test
    void cropAtGravityPicksThatRegion() throws Exception {
        byte[] src = redLeftBlueRight(200, 100);
        Rendition west = RENDERER.render(src, spec().crop(100, 100, Gravity.WEST).build(), ImageFormat.PNG);
        assertEquals(100, west.width());
        assertEquals(100, west.height());
        assertTrue(near(mean(pixels(west.bytes())), RED, 1));
        Rendition east = RENDERER.render(src, spec().crop(100, 0, Gravity.EAST).build(), ImageFormat.PNG);
        assertTrue(near(mean(pixels(east.bytes())), BLUE, 1));
        // crop, then resize the crop
        Rendition small = RENDERER.render(src, spec().crop(100, 100, Gravity.WEST).resize(Resize.FIT, 20, 0).build(),
                ImageFormat.PNG);
        assertEquals(20, small.width());
        assertTrue(near(mean(pixels(small.bytes())), RED, 1));
    }

    @Test
    void cropOfALargeJpegUsesTheRightRegionOnEveryPath() throws Exception {
        // big enough for reduced-scale and region decoding
        byte[] src = TestImages.jpeg(TestImages.rgb(2400, 1200, (x, y) -> x < 1200 ? RED : BLUE), 90);
        for (ImageRenderer renderer : new ImageRenderer[] {RENDERER, IMAGEIO}) {
            Rendition r = renderer.render(src, spec().crop(1000, 1000, Gravity.EAST).resize(Resize.FIT, 100, 0).build(),
                    ImageFormat.PNG);
            assertEquals(100, r.width());
            assertEquals(100, r.height());
            assertTrue(near(mean(pixels(r.bytes()), 5, 5, 90, 90), BLUE, 8));
        }
    }

    /** Left half flat grey, right half random noise (or the other way round). */
    static byte[] halfTextured(int w, int h, boolean texturedRight) {
        Random random = new Random(42);
        return TestImages.png(TestImages.rgb(w, h, (x, y) -> {
            boolean textured = texturedRight == (x >= w / 2);
            if (!textured) {
                return 0x808080;
            }
            int v = random.nextInt(256);
            return v << 16 | (255 - v) << 8 | (v * 7 & 0xFF);
        }));
    }

    /** High-frequency energy of the columns [x0, x0 + w). */
    static double strip(Rasters.Pixels p, int x0, int w) {
        int[] px = new int[w * p.height()];
        for (int y = 0; y < p.height(); y++) {
            System.arraycopy(p.px(), y * p.width() + x0, px, y * w, w);
        }
        return TestImages.highFrequency(new Rasters.Pixels(px, w, p.height(), false));
    }

    @Test
    void smartGravityPicksTheDetailedHalf() throws Exception {
        for (boolean right : new boolean[] {true, false}) {
            byte[] src = halfTextured(400, 200, right);
            Rendition fill = RENDERER.render(src, spec().resize(Resize.FILL, 100, 100).gravity(Gravity.SMART).build(),
                    ImageFormat.PNG);
            Rasters.Pixels f = pixels(fill.bytes());
            // textured from edge to edge (a centred window would be half flat: energy 0 there)
            assertTrue(strip(f, 0, 20) > 100 && strip(f, 80, 20) > 100, "fill picks the textured half");
            Rendition crop = RENDERER.render(src, spec().crop(200, 200, Gravity.SMART).build(), ImageFormat.PNG);
            Rasters.Pixels p = pixels(crop.bytes());
            assertEquals(200, p.width());
            assertTrue(strip(p, 0, 20) > 600 && strip(p, 180, 20) > 600, "crop picks the textured half");
        }
        // a flat image crops in the middle, deterministically
        byte[] flat = TestImages.png(TestImages.rgb(400, 200, (x, y) -> x < 100 || x >= 300 ? RED : BLUE));
        Rendition centre = RENDERER.render(flat, spec().crop(200, 200, Gravity.SMART).build(), ImageFormat.PNG);
        assertTrue(near(mean(pixels(centre.bytes())), BLUE, 1));
    }

    // --- rotate, flip -----------------------------------------------------------------------------------------

    @Test
    void rotateAndFlipAfterTheResize() throws Exception {
        int w = 80;
        int h = 40;
        byte[] src = TestImages.png(TestImages.rgb(w, h, (x, y) -> quadrant(x, y, w, h)));
        Rendition r90 = RENDERER.render(src, spec().rotate(90).build(), ImageFormat.PNG);
        assertEquals(40, r90.width());
        assertEquals(80, r90.height());
        Rasters.Pixels p = pixels(r90.bytes());
        assertTrue(near(mean(p, 0, 0, 10, 10), BLUE, 1), "bottom-left comes to the top-left");
        assertTrue(near(mean(p, 30, 0, 10, 10), RED, 1));
        Rendition flipped = RENDERER.render(src, spec().flip(true, false).resize(Resize.FIT, 40, 0).build(),
                ImageFormat.PNG);
        Rasters.Pixels f = pixels(flipped.bytes());
        assertEquals(40, f.width());
        assertTrue(near(mean(f, 0, 0, 8, 8), 0x00FF00, 2), "mirrored: green top-left");
        Rendition both = RENDERER.render(src, spec().flip(true, true).build(), ImageFormat.PNG);
        assertTrue(near(mean(pixels(both.bytes()), 0, 0, 10, 10), 0xFFFFFF, 1));
        Rendition r270 = RENDERER.render(src, spec().rotate(270).build(), ImageFormat.PNG);
        assertTrue(near(mean(pixels(r270.bytes()), 0, 0, 10, 10), 0x00FF00, 1));
    }

    // --- blur, sharpen ----------------------------------------------------------------------------------------

    @Test
    void blurReducesHighFrequencyEnergyAndSharpenRaisesIt() throws Exception {
        byte[] src = TestImages.png(TestImages.rgb(120, 120, (x, y) -> ((x / 3 + y / 3) & 1) == 0 ? 0x303030 : 0xC0C0C0));
        double plain = TestImages.highFrequency(pixels(RENDERER.render(src, VariantSpec.IDENTITY, ImageFormat.PNG).bytes()));
        double blurred = TestImages.highFrequency(pixels(RENDERER.render(src, spec().blur(2).build(), ImageFormat.PNG).bytes()));
        double veryBlurred = TestImages.highFrequency(pixels(RENDERER.render(src, spec().blur(20).build(), ImageFormat.PNG).bytes()));
        assertTrue(blurred < plain / 10, blurred + " vs " + plain);
        assertTrue(veryBlurred < blurred, veryBlurred + " vs " + blurred);
        byte[] soft = TestImages.png(TestImages.rgb(120, 120, (x, y) -> {
            int v = (int) (128 + 60 * Math.sin(x / 2.0));
            return v << 16 | v << 8 | v;
        }));
        double before = TestImages.highFrequency(pixels(RENDERER.render(soft, VariantSpec.IDENTITY, ImageFormat.PNG).bytes()));
        double after = TestImages.highFrequency(pixels(RENDERER.render(soft, spec().sharpen(1.5).build(), ImageFormat.PNG).bytes()));
        assertTrue(after > before * 1.3, after + " vs " + before);
    }

    // --- watermark ----------------------------------------------------------------------------------------------

    @Test
    void watermarkChangesPixelsAtTheRequestedCornerOnly() throws Exception {
        byte[] src = TestImages.png(TestImages.rgb(400, 300, (x, y) -> 0x4080C0));
        Rasters.Pixels plain = pixels(RENDERER.render(src, VariantSpec.IDENTITY, ImageFormat.PNG).bytes());
        for (Gravity corner : new Gravity[] {Gravity.SOUTH_EAST, Gravity.NORTH_WEST}) {
            Rendition r = RENDERER.render(src, spec().watermark(1, corner, 10, 10, 0.25).build(), ImageFormat.PNG);
            Rasters.Pixels p = pixels(r.bytes());
            int changed = 0;
            for (int y = 0; y < 300; y++) {
                for (int x = 0; x < 400; x++) {
                    if (p.px()[y * 400 + x] != plain.px()[y * 400 + x]) {
                        changed++;
                        boolean inCorner = corner == Gravity.SOUTH_EAST ? x >= 290 && y >= 250 : x < 110 && y < 50;
                        assertTrue(inCorner, corner + ": pixel " + x + "," + y + " changed");
                    }
                }
            }
            assertTrue(changed > 500, corner + ": " + changed + " pixels changed");
        }
        // a lower opacity changes them less
        Rasters.Pixels faint = pixels(RENDERER.render(src, spec().watermark(0.2, Gravity.CENTRE, 0, 0, 0).build(),
                ImageFormat.PNG).bytes());
        Rasters.Pixels strong = pixels(RENDERER.render(src, spec().watermark(1, Gravity.CENTRE, 0, 0, 0).build(),
                ImageFormat.PNG).bytes());
        assertTrue(distance(faint, plain) < distance(strong, plain) / 2);
    }

    @Test
    void aConfiguredWatermarkFileIsUsed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("mark.png");
        java.nio.file.Files.write(file, TestImages.png(TestImages.argb(20, 20, (x, y) -> 0xFFFF0000)));
        ImageRenderer custom = new ImageRenderer(RenderSettings.defaults().withWatermarkFile(file));
        byte[] src = TestImages.png(TestImages.rgb(100, 100, (x, y) -> 0xFFFFFF));
        Rasters.Pixels p = pixels(custom.render(src, spec().watermark(1, Gravity.NORTH_WEST, 0, 0, 0).build(),
                ImageFormat.PNG).bytes());
        assertTrue(near(mean(p, 0, 0, 20, 20), RED, 1));
        assertTrue(near(mean(p, 20, 20, 80, 80), 0xFFFFFF, 1));
    }

    private static double distance(Rasters.Pixels a, Rasters.Pixels b) {
        double d = 0;
        for (int i = 0; i < a.px().length; i++) {
            d += Math.abs(TestImages.luma(a.px()[i]) - TestImages.luma(b.px()[i]));
        }
        return d;
    }

    // --- encoders ------------------------------------------------------------------------------------------------

    @Test
    void jpegQualityAffectsSize() throws Exception {
        byte[] src = halfTextured(400, 300, true);
        int low = RENDERER.render(src, spec().quality(30).build(), ImageFormat.JPEG).bytes().length;
        int high = RENDERER.render(src, spec().quality(95).build(), ImageFormat.JPEG).bytes().length;
        assertTrue(high > low * 1.5, high + " vs " + low);
        int lowIo = IMAGEIO.render(src, spec().quality(30).build(), ImageFormat.JPEG).bytes().length;
        int highIo = IMAGEIO.render(src, spec().quality(95).build(), ImageFormat.JPEG).bytes().length;
        assertTrue(highIo > lowIo * 1.5, highIo + " vs " + lowIo);
    }

    @Test
    void webpOutputDecodesBackWithTheRightSize() throws Exception {
        byte[] src = TestImages.jpeg(TestImages.rgb(640, 480, (x, y) -> x << 16 | y), 90);
        Rendition r = RENDERER.render(src, fit(320, 0), ImageFormat.WEBP);
        assertEquals("RIFF", new String(r.bytes(), 0, 4, StandardCharsets.ISO_8859_1));
        assertEquals("WEBP", new String(r.bytes(), 8, 4, StandardCharsets.ISO_8859_1));
        BufferedImage back = TestImages.decode(r.bytes());
        assertEquals(320, back.getWidth());
        assertEquals(240, back.getHeight());
        int small = RENDERER.render(src, spec().resize(Resize.FIT, 320, 0).quality(20).build(), ImageFormat.WEBP)
                .bytes().length;
        assertTrue(small < r.bytes().length);
    }

    @Test
    void gifOutputOfAStillIsQuantized() throws Exception {
        byte[] src = TestImages.jpeg(TestImages.rgb(200, 100, (x, y) -> x << 16 | y << 8 | (x + y) & 0xFF), 95);
        Rendition r = RENDERER.render(src, fit(100, 0), ImageFormat.GIF);
        assertEquals("GIF89a", new String(r.bytes(), 0, 6, StandardCharsets.ISO_8859_1));
        Rasters.Pixels out = pixels(r.bytes());
        Rasters.Pixels ref = pixels(RENDERER.render(src, fit(100, 0), ImageFormat.PNG).bytes());
        double[] a = mean(out);
        double[] b = mean(ref);
        for (int c = 0; c < 3; c++) {
            assertEquals(b[c], a[c], 3, "channel " + c);
        }
    }

    @Test
    void metadataIsStrippedButTheCopyrightKept() throws Exception {
        byte[] plain = TestImages.jpeg(TestImages.rgb(64, 48, (x, y) -> 0x336699), 90);
        byte[] src = TestImages.withExif(plain, 6, "(c) 2024 Jane Doe");
        Rendition kept = RENDERER.render(src, VariantSpec.IDENTITY, ImageFormat.JPEG);
        SourceInfo info = ImageFormats.headers(kept.bytes(), ImageFormat.JPEG);
        assertEquals("(c) 2024 Jane Doe", info.copyright());
        assertEquals(1, info.orientation(), "no orientation tag left: the pixels are turned");
        assertEquals(48, kept.width());
        assertEquals(64, kept.height());
        Rendition png = RENDERER.render(src, VariantSpec.IDENTITY, ImageFormat.PNG);
        assertEquals("(c) 2024 Jane Doe", ImageFormats.headers(png.bytes(), ImageFormat.PNG).copyright());
        Rendition dropped = RENDERER.render(src, spec().dropCopyright().build(), ImageFormat.JPEG);
        assertEquals(null, ImageFormats.headers(dropped.bytes(), ImageFormat.JPEG).copyright());
        assertFalse(new String(dropped.bytes(), StandardCharsets.ISO_8859_1).contains("Exif"));
    }

    // --- inputs ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ok_baseline.jpg", "ok_baseline.png", "jpeg_progressive.jpg", "webp_lossy_64x48.webp",
            "ico_png_16x16.ico", "bmp_negative_height.bmp", "jpeg_zip_phar_polyglot.jpg", "png_palette_trns.png",
            "png_16bit_rgb.png", "jpeg_cmyk_adobe.jpg", "jpeg_exif_orientation6.jpg"})
    void everyAcceptedInputRendersToEveryOutput(String name) throws Exception {
        for (ImageFormat output : new ImageFormat[] {ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP}) {
            Rendition r = RENDERER.render(corpus(name), fit(24, 24), output);
            BufferedImage back = TestImages.decode(r.bytes());
            assertEquals(r.width(), back.getWidth(), name + " -> " + output);
            assertEquals(r.height(), back.getHeight(), name + " -> " + output);
            assertTrue(r.width() <= 24 && r.height() <= 24);
        }
    }

    @Test
    void bmpTopDownIsNotFlipped() throws Exception {
        Rasters.Pixels p = pixels(RENDERER.render(corpus("bmp_negative_height.bmp"), VariantSpec.IDENTITY,
                ImageFormat.PNG).bytes());
        assertEquals(RED, p.px()[0] & 0xFFFFFF);
        assertEquals(BLUE, p.px()[3 * p.width()] & 0xFFFFFF);
    }

    @Test
    void headersDeclaringTooManyPixelsAreRefused() {
        for (String name : new String[] {"jpeg_sof_65500x65500.jpg", "png_bomb_100000x100000.png"}) {
            RenderException e = assertThrows(RenderException.class,
                    () -> RENDERER.render(corpus(name), fit(100, 0), ImageFormat.JPEG));
            assertEquals(RenderException.TOO_LARGE, e.reason(), name);
        }
    }

    @Test
    void brokenAndForeignInputsAreRenderExceptions() {
        RenderException text = assertThrows(RenderException.class,
                () -> RENDERER.render(corpus("text_as.jpg"), fit(100, 0), ImageFormat.JPEG));
        assertEquals(RenderException.UNSUPPORTED, text.reason());
        byte[] png = corpus("ok_baseline.png");
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        RenderException broken = assertThrows(RenderException.class,
                () -> RENDERER.render(truncated, fit(100, 0), ImageFormat.JPEG));
        assertEquals(RenderException.UNDECODABLE, broken.reason());
        assertFalse(broken.getMessage().contains("/"), "no paths in messages");
        byte[] garbage = new byte[2000];
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        RenderException jpeg = assertThrows(RenderException.class,
                () -> RENDERER.render(garbage, fit(100, 0), ImageFormat.JPEG));
        assertEquals(RenderException.UNDECODABLE, jpeg.reason());
    }

    @Test
    void onlyJpegPngGifAndWebpAreOutputs() {
        assertThrows(IllegalArgumentException.class,
                () -> RENDERER.render(corpus("ok_baseline.png"), VariantSpec.IDENTITY, ImageFormat.BMP));
        assertThrows(IllegalArgumentException.class,
                () -> RENDERER.render(corpus("ok_baseline.png"), VariantSpec.IDENTITY, ImageFormat.ICO));
    }

    @Test
    void decoderInfoNamesTheDecoder() {
        assertEquals("imageio", IMAGEIO.decoderInfo());
        assertTrue(RENDERER.decoderInfo().endsWith("imageio"));
    }

    @Test
    void theSameSpecGivesTheSameBytes() throws Exception {
        byte[] src = halfTextured(300, 200, true);
        VariantSpec s = spec().resize(Resize.FILL, 90, 90).gravity(Gravity.SMART).sharpen(1).build();
        assertArrayEquals(RENDERER.render(src, s, ImageFormat.PNG).bytes(), RENDERER.render(src, s, ImageFormat.PNG).bytes());
    }
}
