package org.picbed.variant.render;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;

/**
 * Between decoders' {@link BufferedImage}s and the pipeline's packed 8-bit sRGB ARGB: every layout a decoder
 * hands out (packed int, interleaved bytes, 16-bit components, grey, grey+alpha, palettes with transparency,
 * ICC colour spaces) is converted without Java2D's generic paths, which are slow and treat grey as linear.
 */
final class Rasters {

    private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);

    private Rasters() {
    }

    /** Packed pixels and whether they carry alpha. */
    record Pixels(int[] px, int width, int height, boolean alpha) {
    }

    static Pixels toPixels(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        ColorModel cm = img.getColorModel();
        WritableRaster raster = img.getRaster();
        boolean alpha = cm.hasAlpha();
        int type = img.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) && plainIntRaster(raster, w)) {
            return new Pixels(((DataBufferInt) raster.getDataBuffer()).getData(), w, h, alpha);
        }
        int[] out = new int[w * h];
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)
                && raster.getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            byte[] b = db.getData();
            int n = w * h;
            if (type == BufferedImage.TYPE_3BYTE_BGR && b.length >= n * 3) {
                for (int i = 0, j = 0; i < n; i++, j += 3) {
                    out[i] = 0xFF000000 | (b[j + 2] & 0xFF) << 16 | (b[j + 1] & 0xFF) << 8 | (b[j] & 0xFF);
                }
                return new Pixels(out, w, h, false);
            }
            if (type == BufferedImage.TYPE_4BYTE_ABGR && b.length >= n * 4) {
                for (int i = 0, j = 0; i < n; i++, j += 4) {
                    out[i] = (b[j] & 0xFF) << 24 | (b[j + 3] & 0xFF) << 16 | (b[j + 2] & 0xFF) << 8 | (b[j + 1] & 0xFF);
                }
                return new Pixels(out, w, h, true);
            }
        }
        if (cm instanceof IndexColorModel icm) {
            int[] palette = new int[icm.getMapSize()];
            icm.getRGBs(palette);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int i = row[x];
                    out[y * w + x] = i < palette.length ? palette[i] : 0;
                }
            }
            return new Pixels(out, w, h, icm.getTransparency() != Transparency.OPAQUE);
        }
        ColorSpace cs = cm.getColorSpace();
        boolean gray = cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1;
        boolean srgb = cs.isCS_sRGB() && cm.getNumColorComponents() == 3;
        if (cm instanceof ComponentColorModel && (gray || srgb)) {
            int bands = raster.getNumBands();
            int[] max = new int[bands];
            for (int b = 0; b < bands; b++) {
                max[b] = (1 << cm.getComponentSize(b)) - 1;
            }
            boolean pre = cm.isAlphaPremultiplied();
            int[] row = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    int o = x * bands;
                    int r;
                    int g;
                    int b;
                    int a = 255;
                    if (gray) {
                        r = g = b = scale(row[o], max[0]);
                        if (alpha && bands > 1) {
                            a = scale(row[o + 1], max[1]);
                        }
                    } else {
                        r = scale(row[o], max[0]);
                        g = scale(row[o + 1], max[1]);
                        b = scale(row[o + 2], max[2]);
                        if (alpha && bands > 3) {
                            a = scale(row[o + 3], max[3]);
                        }
                    }
                    if (pre && a > 0 && a < 255) {
                        r = Math.min(255, r * 255 / a);
                        g = Math.min(255, g * 255 / a);
                        b = Math.min(255, b * 255 / a);
                    }
                    out[y * w + x] = a << 24 | r << 16 | g << 8 | b;
                }
            }
            return new Pixels(out, w, h, alpha);
        }
        if (!cs.isCS_sRGB()) {
            // another colour space (an ICC profile, CMYK...): let the colour management convert it
            BufferedImage dst = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(img, dst);
            return new Pixels(((DataBufferInt) dst.getRaster().getDataBuffer()).getData(), w, h, alpha);
        }
        img.getRGB(0, 0, w, h, out, 0, w);
        return new Pixels(out, w, h, alpha);
    }

    private static int scale(int v, int max) {
        return max == 255 ? v : (int) (((long) v * 255 + max / 2) / max);
    }

    private static boolean plainIntRaster(WritableRaster raster, int w) {
        return raster.getDataBuffer() instanceof DataBufferInt db && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm && sm.getScanlineStride() == w
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && db.getOffset() == 0;
    }

    /** Wraps packed pixels as a TYPE_INT_RGB or TYPE_INT_ARGB image without copying. */
    static BufferedImage wrap(int[] px, int w, int h, boolean alpha) {
        DirectColorModel cm = alpha
                ? new DirectColorModel(32, 0xFF0000, 0xFF00, 0xFF, 0xFF000000)
                : new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
        int[] masks = alpha ? new int[] {0xFF0000, 0xFF00, 0xFF, 0xFF000000} : new int[] {0xFF0000, 0xFF00, 0xFF};
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(px, w * h), w, h, w, masks, null);
        return new BufferedImage(cm, raster, false, null);
    }

    // --- ICC ----------------------------------------------------------------------------------------------

    /**
     * Converts pixels in the colour space of an embedded RGB ICC profile to sRGB, in place. Profiles that are sRGB
     * already (by their description), that are not RGB, or that do not parse are left alone.
     */
    static void toSrgb(int[] px, int w, int h, boolean alpha, byte[] icc) {
        if (icc == null || isSrgb(icc)) {
            return;
        }
        ICC_ColorSpace cs;
        try {
            ICC_Profile profile = ICC_Profile.getInstance(icc);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
                return;
            }
            cs = new ICC_ColorSpace(profile);
        } catch (RuntimeException e) {
            return;
        }
        DirectColorModel srcCm = alpha
                ? new DirectColorModel(cs, 32, 0xFF0000, 0xFF00, 0xFF, 0xFF000000, false, DataBuffer.TYPE_INT)
                : new DirectColorModel(cs, 24, 0xFF0000, 0xFF00, 0xFF, 0, false, DataBuffer.TYPE_INT);
        int[] masks = alpha ? new int[] {0xFF0000, 0xFF00, 0xFF, 0xFF000000} : new int[] {0xFF0000, 0xFF00, 0xFF};
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(px, w * h), w, h, w, masks, null);
        BufferedImage src = new BufferedImage(srcCm, raster, false, null);
        BufferedImage dst = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        try {
            new ColorConvertOp(cs, SRGB, null).filter(src, dst);
        } catch (RuntimeException e) {
            return; // a profile the CMM rejects: keep the unconverted pixels
        }
        int[] converted = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
        System.arraycopy(converted, 0, px, 0, w * h);
    }

    /**
     * Whether an ICC profile describes itself as sRGB (its 'desc' tag, ASCII or UTF-16), which is what almost
     * every camera and editor embeds; those are not converted.
     */
    static boolean isSrgb(byte[] icc) {
        if (icc.length < 132) {
            return true;
        }
        int count = u32(icc, 128);
        for (int i = 0; i < count && i < 200; i++) {
            int e = 132 + i * 12;
            if (e + 12 > icc.length) {
                break;
            }
            if (u32(icc, e) == 0x64657363) { // 'desc'
                int off = u32(icc, e + 4);
                int len = u32(icc, e + 8);
                if (off < 0 || len < 0 || off > icc.length || len > icc.length - off) {
                    return false;
                }
                String text = new String(icc, off, Math.min(len, 4096), StandardCharsets.ISO_8859_1);
                String plain = text.replace("\0", "");
                // "linear sRGB" (e.g. the JDK's CS_LINEAR_RGB) has sRGB primaries but no sRGB curve
                return plain.contains("sRGB") && !plain.toLowerCase(java.util.Locale.ROOT).contains("linear");
            }
        }
        return false;
    }

    private static int u32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }
}
