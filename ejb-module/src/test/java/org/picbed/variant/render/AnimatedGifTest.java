package org.picbed.variant.render;

import org.junit.jupiter.api.Test;
import org.picbed.image.ImageFormat;
import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.Resize;
import org.w3c.dom.Node;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picbed.variant.render.TestImages.fit;

class AnimatedGifTest {

    static final int[] DELAYS = {10, 20, 30, 40, 50};
    static final int[] COLOURS = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF};

    /** Frame i: the canvas 120x80 in colour i, except frame 1, a 40x40 green patch at (20, 20) over frame 0. */
    static byte[] fiveFrames() throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < 5; i++) {
                int c = COLOURS[i];
                boolean patch = i == 1;
                BufferedImage img = indexed(patch ? 40 : 120, patch ? 40 : 80, c);
                IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), null);
                String f = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = new IIOMetadataNode(f);
                IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(DELAYS[i]));
                gce.setAttribute("transparentColorIndex", "0");
                root.appendChild(gce);
                IIOMetadataNode desc = new IIOMetadataNode("ImageDescriptor");
                desc.setAttribute("imageLeftPosition", patch ? "20" : "0");
                desc.setAttribute("imageTopPosition", patch ? "20" : "0");
                desc.setAttribute("imageWidth", Integer.toString(img.getWidth()));
                desc.setAttribute("imageHeight", Integer.toString(img.getHeight()));
                desc.setAttribute("interlaceFlag", "FALSE");
                root.appendChild(desc);
                if (i == 0) {
                    IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[] {1, 3, 0}); // loop 3 times
                    apps.appendChild(app);
                    root.appendChild(apps);
                }
                meta.mergeTree(f, root);
                writer.writeToSequence(new IIOImage(img, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage indexed(int w, int h, int rgb) {
        byte[] r = {(byte) (rgb >> 16), 0};
        byte[] g = {(byte) (rgb >> 8), 0};
        byte[] b = {(byte) rgb, 0};
        return new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, new java.awt.image.IndexColorModel(1, 2, r, g, b));
    }

    record Read(List<BufferedImage> frames, List<Integer> delays, int loops, int width, int height) {
    }

    static Read read(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            int loops = -1;
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
                Node tree = reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                for (Node c = tree.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeName().equals("GraphicControlExtension")) {
                        delays.add(Integer.parseInt(c.getAttributes().getNamedItem("delayTime").getNodeValue()));
                    }
                    if (c.getNodeName().equals("ApplicationExtensions")) {
                        byte[] u = (byte[]) ((IIOMetadataNode) c.getFirstChild()).getUserObject();
                        loops = (u[1] & 0xFF) | (u[2] & 0xFF) << 8;
                    }
                }
            }
            Node stream = reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            int w = 0;
            int h = 0;
            for (Node c = stream.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeName().equals("LogicalScreenDescriptor")) {
                    w = Integer.parseInt(c.getAttributes().getNamedItem("logicalScreenWidth").getNodeValue());
                    h = Integer.parseInt(c.getAttributes().getNamedItem("logicalScreenHeight").getNodeValue());
                }
            }
            return new Read(frames, delays, loops, w, h);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void everyFrameIsResizedWithItsDelayAndTheLoopCount() throws Exception {
        byte[] src = fiveFrames();
        Rendition r = ImageRendererTest.RENDERER.render(src, fit(60, 0), ImageFormat.GIF);
        assertEquals(60, r.width());
        assertEquals(40, r.height());
        assertFalse(r.animationTruncated());
        Read out = read(r.bytes());
        assertEquals(5, out.frames().size());
        assertEquals(List.of(10, 20, 30, 40, 50), out.delays());
        assertEquals(3, out.loops());
        assertEquals(60, out.width());
        for (int i = 0; i < 5; i++) {
            BufferedImage f = out.frames().get(i);
            assertEquals(60, f.getWidth());
            assertEquals(40, f.getHeight());
        }
        // frame 1 is frame 0 with the green patch composited at (20,20)-(60,60) -> (10,10)-(30,30) at half size
        BufferedImage f1 = out.frames().get(1);
        assertEquals(0x00FF00, f1.getRGB(20, 20) & 0xFFFFFF);
        assertEquals(0xFF0000, f1.getRGB(50, 5) & 0xFFFFFF);
        assertEquals(0x0000FF, out.frames().get(2).getRGB(30, 20) & 0xFFFFFF);
    }

    @Test
    void overTheFrameBudgetOnlyTheFirstFrameIsRendered() throws Exception {
        byte[] src = fiveFrames();
        ImageRenderer fewFrames = new ImageRenderer(RenderSettings.defaults().withFrameBudget(4, 50_000_000L));
        Rendition r = fewFrames.render(src, fit(60, 0), ImageFormat.GIF);
        assertTrue(r.animationTruncated());
        assertEquals(1, read(r.bytes()).frames().size());
        ImageRenderer fewPixels = new ImageRenderer(RenderSettings.defaults().withFrameBudget(100, 4 * 60 * 40));
        Rendition p = fewPixels.render(src, fit(60, 0), ImageFormat.GIF);
        assertTrue(p.animationTruncated());
        assertEquals(1, read(p.bytes()).frames().size());
        // the budget counts output pixels: a smaller output fits
        Rendition small = fewPixels.render(src, fit(30, 0), ImageFormat.GIF);
        assertFalse(small.animationTruncated());
        assertEquals(5, read(small.bytes()).frames().size());
    }

    @Test
    void otherOutputsTakeTheFirstFrame() throws Exception {
        byte[] src = fiveFrames();
        for (ImageFormat output : new ImageFormat[] {ImageFormat.PNG, ImageFormat.JPEG, ImageFormat.WEBP}) {
            Rendition r = ImageRendererTest.RENDERER.render(src, fit(60, 0), output);
            assertEquals(60, r.width());
            assertFalse(r.animationTruncated());
            assertEquals(1, TestImages.frames(r.bytes()));
            double[] m = TestImages.mean(TestImages.pixels(r.bytes()));
            assertTrue(m[0] > 200 && m[1] < 40 && m[2] < 40, output + ": the red first frame");
        }
    }

    @Test
    void fillWithSmartGravityCropsEveryFrameAlike() throws Exception {
        Rendition r = ImageRendererTest.RENDERER.render(fiveFrames(),
                TestImages.spec().resize(Resize.FILL, 40, 40).gravity(Gravity.SMART).build(), ImageFormat.GIF);
        Read out = read(r.bytes());
        assertEquals(5, out.frames().size());
        for (BufferedImage f : out.frames()) {
            assertEquals(40, f.getWidth());
            assertEquals(40, f.getHeight());
        }
    }

    @Test
    void transparentGifFramesStayTransparent() throws Exception {
        byte[] src = TestImages.png(TestImages.argb(60, 40, (x, y) -> x < 30 ? 0 : 0xFF0000FF));
        Rendition r = ImageRendererTest.RENDERER.render(src, fit(30, 0), ImageFormat.GIF);
        Rasters.Pixels p = TestImages.pixels(r.bytes());
        assertTrue(p.alpha());
        assertEquals(0, p.px()[5 * 30 + 2] >>> 24);
        assertEquals(0xFF0000FF, p.px()[5 * 30 + 25]);
        // and a GIF source with transparency renders to GIF with it
        Rendition again = ImageRendererTest.RENDERER.render(r.bytes(), TestImages.spec().build(), ImageFormat.GIF);
        assertEquals(0, TestImages.pixels(again.bytes()).px()[5 * 30 + 2] >>> 24);
    }
}
