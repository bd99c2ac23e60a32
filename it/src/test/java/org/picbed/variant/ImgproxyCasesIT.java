package org.picbed.variant;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.ImageClient;
import org.picbed.it.PicbedDeployment;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * imgproxy's own processing test cases, ported as data ({@code imgproxy/processing-cases.tsv}: option strings
 * and the output size or status imgproxy's test suite expects), rendered by the real server through signed
 * {@code /v/} URLs without an extension (imgproxy's rule: the {@code format} option, else the source's format).
 * <p>
 * Sources: imgproxy's test images are binary and not part of the ported data; they are made here with the size,
 * format and alpha the cases name (sizes the cases do not depend on: 400x300), and the trim sources are drawn so that imgproxy's expected trims hold (nested
 * frames whose colour distance from the corner crosses each threshold the cases use). Cases whose only check is
 * an image hash against imgproxy's reference outputs have no size to compare and are not run.
 * <p>
 * Every case gives imgproxy's answer except those listed with a reason in {@code imgproxy/known-differences.tsv};
 * a listed case that starts agreeing fails the test too, so the list stays true.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImgproxyCasesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void imgproxysProcessingCasesGiveImgproxysAnswer() throws Exception {
        Map<String, String> known = known();
        Map<String, String> uploaded = new HashMap<>();
        List<String> differing = new ArrayList<>();
        List<String> nowAgreeing = new ArrayList<>();
        Map<String, Integer> fiveHundreds = new TreeMap<>();
        int run = 0;
        int agree = 0;
        for (String line : resource("imgproxy/processing-cases.tsv").split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("id") || f.length < 6 || f[4].isEmpty() && f[3].equals("200")) {
                continue; // the header, and cases checked by image hash only
            }
            run++;
            String source = f[1];
            String id = uploaded.computeIfAbsent(caseSource(f), k -> upload(f));
            String want = f[3].equals("200") ? "200 " + f[4] + "x" + f[5] : f[3];
            if (id.startsWith("refused")) {
                if (!known.containsKey(f[0])) {
                    differing.add(f[0] + " [" + f[2] + " on " + source + "]: upload " + id + ", imgproxy " + want);
                }
                continue;
            }
            String options = f[2].isEmpty() ? "" : f[2] + "/";
            HttpResponse<byte[]> r = ImageClient.get(ImageClient.signed("/" + options + id));
            String got;
            if (r.statusCode() == 200) {
                BufferedImage img = ImageClient.decode(r.body());
                got = "200 " + (img == null ? "?" : img.getWidth() + "x" + img.getHeight());
            } else {
                got = String.valueOf(r.statusCode());
                if (r.statusCode() >= 500) {
                    fiveHundreds.put(f[0], r.statusCode());
                }
            }
            boolean same = got.equals(want) || !want.startsWith("200") && got.startsWith("4") && want.startsWith("4");
            if (same) {
                agree++;
                if (known.containsKey(f[0])) {
                    nowAgreeing.add(f[0]);
                }
            } else if (!known.containsKey(f[0])) {
                differing.add(f[0] + " [" + f[2] + " on " + source + "]: " + got + ", imgproxy " + want
                        + (r.statusCode() != 200 ? " " + new String(r.body(), StandardCharsets.UTF_8) : ""));
            }
        }
        System.out.printf("imgproxy processing cases: %d of %d give imgproxy's answer (%.1f %%); %d listed as "
                + "known differences%n", agree, run, 100.0 * agree / run, known.size());
        assertTrue(run > 300, "cases run: " + run);
        assertEquals(Map.of(), fiveHundreds, "no case may answer 5xx");
        assertEquals(List.of(), differing, "cases that differ from imgproxy and are not in known-differences.tsv");
        assertEquals(List.of(), nowAgreeing, "cases in known-differences.tsv that now agree: take them out");
    }

    /** The id of the case's source, or "refused NNN" when picbed does not take it. */
    private static String upload(String[] f) {
        try {
            return ImageClient.upload(f[0] + "." + extension(f[1]), mediaType(f[1]), source(f));
        } catch (AssertionError e) {
            return "refused " + e.getMessage().replaceAll("^.*failed: ([0-9]+).*$", "$1");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String caseSource(String[] f) {
        return f[1] + (f[2].contains("trim:") ? "#" + trimSource(f) : "");
    }

    // --- the sources ------------------------------------------------------------------------------------------

    private static byte[] source(String[] f) throws IOException {
        String[] kind = f[1].split(":");
        boolean alpha = f[1].endsWith(":alpha");
        if (f[2].contains("trim:")) {
            return png(trim(trimSource(f)));
        }
        int w = 400;
        int h = 300;
        if (!kind[0].startsWith("?")) {
            String[] size = kind[0].split("x");
            w = Integer.parseInt(size[0]);
            h = Integer.parseInt(size[1]);
        }
        BufferedImage img = drawing(w, h, alpha);
        String format = kind.length > 1 ? kind[1] : "png";
        if (format.equals("gif")) {
            return gif(drawing(w, h, false), drawing(w, h, true));
        }
        if (format.equals("bmp")) {
            return alpha ? bmp32(img) : encode(rgb(img), "bmp");
        }
        if (format.equals("tiff")) {
            return encode(rgb(img), "tiff");
        }
        return png(img);
    }

    private static BufferedImage rgb(BufferedImage img) {
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.createGraphics().drawImage(img, 0, 0, null);
        return rgb;
    }

    /** A 32-bit BMP with an alpha channel (BITMAPV4HEADER, BI_BITFIELDS), which ImageIO does not write. */
    private static byte[] bmp32(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(14 + 108 + w * h * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(14 + 108);
        b.putInt(108).putInt(w).putInt(-h).putShort((short) 1).putShort((short) 32).putInt(3).putInt(w * h * 4)
                .putInt(2835).putInt(2835).putInt(0).putInt(0);
        b.putInt(0x00FF0000).putInt(0x0000FF00).putInt(0x000000FF).putInt(0xFF000000).putInt(0x73524742);
        b.put(new byte[36 + 12]);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.putInt(img.getRGB(x, y));
            }
        }
        return b.array();
    }

    private static String extension(String source) {
        String[] kind = source.split(":");
        String format = kind.length > 1 ? kind[1] : "png";
        return format.equals("gif") || format.equals("bmp") || format.equals("tiff") ? format : "png";
    }

    private static String mediaType(String source) {
        return "image/" + extension(source);
    }

    /** A geometry test card: coloured quadrants and a diagonal, so crops and rotations are visible. */
    private static BufferedImage drawing(int w, int h, boolean alpha) {
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(230, 40, 40, alpha ? 200 : 255));
        g.fillRect(0, 0, w / 2, h / 2);
        g.setColor(new Color(40, 200, 60, alpha ? 120 : 255));
        g.fillRect(w / 2, 0, w - w / 2, h / 2);
        g.setColor(new Color(40, 60, 220, 255));
        g.fillRect(0, h / 2, w / 2, h - h / 2);
        g.setColor(alpha ? new Color(0, 0, 0, 0) : Color.WHITE);
        if (alpha) {
            g.setComposite(java.awt.AlphaComposite.Src);
        }
        g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
        g.setColor(Color.BLACK);
        g.drawLine(0, 0, w - 1, h - 1);
        g.dispose();
        return img;
    }

    /** Which trim source a case uses (imgproxy's trim1, trim2 or trim3), from its origin. */
    private static String trimSource(String[] f) {
        return f[6].contains("TestAlpha") ? "trim3" : f[6].contains("TestColor") ? "trim2" : "trim1";
    }

    /**
     * trim1: 350x250 black with nested frames at colour distances 50, 120, 170, 210 and a 200x100 centre at 240,
     * inset 10/15/15/15/15 px at the left and top and 20/15/... at the right and bottom (so equal_hor/equal_ver
     * change the result); trim2: 200x200 red top 30 rows, green middle, blue bottom 70 rows; trim3: 200x200 green
     * with transparent bottom 70 rows.
     */
    private static BufferedImage trim(String which) {
        if (which.equals("trim1")) {
            BufferedImage img = new BufferedImage(350, 250, BufferedImage.TYPE_INT_RGB);
            int[] level = {50, 120, 170, 210, 240};
            for (int k = 0; k < level.length; k++) {
                int lt = 10 + 15 * k;
                int rb = 20 + 15 * k;
                int v = level[k];
                for (int y = lt; y < 250 - rb; y++) {
                    for (int x = lt; x < 350 - rb; x++) {
                        img.setRGB(x, y, v << 16 | v << 8 | v);
                    }
                }
            }
            return img;
        }
        boolean alpha = which.equals("trim3");
        BufferedImage img = new BufferedImage(200, 200, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                int rgb = alpha ? (y < 130 ? 0xFF20A040 : 0) : y < 30 ? 0xFF0000 : y < 130 ? 0x20A040 : 0x0000FF;
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private static byte[] png(BufferedImage img) throws IOException {
        return encode(img, "png");
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** A two-frame animated GIF. */
    private static byte[] gif(BufferedImage first, BufferedImage second) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : List.of(first, second)) {
                BufferedImage indexed = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
                indexed.createGraphics().drawImage(frame, 0, 0, null);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(indexed), null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", "10");
                gce.setAttribute("transparentColorIndex", "0");
                root.appendChild(gce);
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(indexed, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    // --- data -------------------------------------------------------------------------------------------------

    private static Map<String, String> known() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        for (String line : resource("imgproxy/known-differences.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            known.put(f[0], f.length > 1 ? f[1] : "");
        }
        return known;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ImgproxyCasesIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
