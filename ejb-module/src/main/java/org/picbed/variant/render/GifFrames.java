package org.picbed.variant.render;

import org.w3c.dom.Node;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import java.io.IOException;

/**
 * The frames of a GIF as they are shown: each frame drawn onto the logical screen at its offset, honouring the
 * previous frame's disposal (keep, clear to transparent, restore what was there), with its delay and the
 * animation's loop count.
 */
final class GifFrames implements AutoCloseable {

    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    record Composited(Frame frame, int delayCentis) {
    }

    private final ImageReader reader;
    private final ByteArrayImageInputStream in;
    private final int width;
    private final int height;
    private final int[] canvas;
    private int[] saved;
    private int next;
    private String pendingDisposal = "none";
    private int pendingX;
    private int pendingY;
    private int pendingW;
    private int pendingH;
    private int loops = -1;

    GifFrames(byte[] src, Codecs codecs, RenderSettings settings) throws IOException, RenderException {
        reader = codecs.gifReader();
        in = new ByteArrayImageInputStream(src);
        reader.setInput(in, false, false);
        int w = 0;
        int h = 0;
        IIOMetadata stream = reader.getStreamMetadata();
        if (stream != null) {
            Node lsd = child(stream.getAsTree(STREAM_FORMAT), "LogicalScreenDescriptor");
            w = intAttr(lsd, "logicalScreenWidth", 0);
            h = intAttr(lsd, "logicalScreenHeight", 0);
        }
        Node first = reader.getImageMetadata(0).getAsTree(IMAGE_FORMAT);
        Node d = child(first, "ImageDescriptor");
        w = Math.max(w, intAttr(d, "imageLeftPosition", 0) + intAttr(d, "imageWidth", 0));
        h = Math.max(h, intAttr(d, "imageTopPosition", 0) + intAttr(d, "imageHeight", 0));
        if (w <= 0 || h <= 0) {
            throw new RenderException(RenderException.UNDECODABLE, "the GIF has no size");
        }
        if ((long) w * h > settings.maxSourcePixels()) {
            throw new RenderException(RenderException.TOO_LARGE, "the GIF declares " + w + "x" + h + " pixels");
        }
        width = w;
        height = h;
        canvas = new int[w * h];
        Node apps = child(first, "ApplicationExtensions");
        if (apps != null) {
            for (Node a = apps.getFirstChild(); a != null; a = a.getNextSibling()) {
                if ("NETSCAPE".equals(attr(a, "applicationID")) && a instanceof IIOMetadataNode n
                        && n.getUserObject() instanceof byte[] b && b.length >= 3 && b[0] == 1) {
                    loops = (b[1] & 0xFF) | (b[2] & 0xFF) << 8;
                }
            }
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** NETSCAPE2.0 loop count: 0 = forever, -1 = the GIF has none (plays once). */
    int loops() {
        return loops;
    }

    /** Number of frames (reads through the file once). */
    int count() throws IOException {
        return reader.getNumImages(true);
    }

    /** The next frame composited on the logical screen; a fresh copy of the canvas. */
    Composited next() throws IOException {
        // dispose of the previous frame as it asked
        if ("restoreToBackgroundColor".equals(pendingDisposal)) {
            for (int y = Math.max(0, pendingY); y < Math.min(height, pendingY + pendingH); y++) {
                int from = y * width + Math.max(0, pendingX);
                int to = y * width + Math.min(width, pendingX + pendingW);
                if (to > from) {
                    java.util.Arrays.fill(canvas, from, to, 0);
                }
            }
        } else if ("restoreToPrevious".equals(pendingDisposal) && saved != null) {
            System.arraycopy(saved, 0, canvas, 0, canvas.length);
        }
        int index = next++;
        Node tree = reader.getImageMetadata(index).getAsTree(IMAGE_FORMAT);
        Node d = child(tree, "ImageDescriptor");
        Node gce = child(tree, "GraphicControlExtension");
        int fx = intAttr(d, "imageLeftPosition", 0);
        int fy = intAttr(d, "imageTopPosition", 0);
        String disposal = gce == null ? "none" : attr(gce, "disposalMethod");
        int delay = gce == null ? 0 : intAttr(gce, "delayTime", 0);
        if ("restoreToPrevious".equals(disposal)) {
            if (saved == null) {
                saved = new int[canvas.length];
            }
            System.arraycopy(canvas, 0, saved, 0, canvas.length);
        }
        Rasters.Pixels p = Rasters.toPixels(reader.read(index));
        for (int y = 0; y < p.height(); y++) {
            int cy = fy + y;
            if (cy < 0 || cy >= height) {
                continue;
            }
            for (int x = 0; x < p.width(); x++) {
                int cx = fx + x;
                if (cx < 0 || cx >= width) {
                    continue;
                }
                int v = p.px()[y * p.width() + x];
                if (!p.alpha() || (v >>> 24) >= 128) {
                    canvas[cy * width + cx] = v | 0xFF000000;
                }
            }
        }
        pendingDisposal = disposal == null ? "none" : disposal;
        pendingX = fx;
        pendingY = fy;
        pendingW = p.width();
        pendingH = p.height();
        return new Composited(Frame.of(canvas.clone(), width, height, true), delay);
    }

    @Override
    public void close() {
        reader.dispose();
        try {
            in.close();
        } catch (IOException ignored) {
            // a byte array
        }
    }

    private static Node child(Node parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (name.equals(c.getNodeName())) {
                return c;
            }
        }
        return null;
    }

    private static String attr(Node n, String name) {
        if (n == null || n.getAttributes() == null) {
            return null;
        }
        Node a = n.getAttributes().getNamedItem(name);
        return a == null ? null : a.getNodeValue();
    }

    private static int intAttr(Node n, String name, int fallback) {
        String v = attr(n, name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
