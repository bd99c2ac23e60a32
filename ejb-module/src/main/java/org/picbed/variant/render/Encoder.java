package org.picbed.variant.render;

import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the final frame. Metadata is never copied from the source; only the copyright notice is written back
 * when the spec keeps it: JPEG as an EXIF APP1 segment holding just the Copyright tag (0x8298), PNG as a
 * {@code Copyright} tEXt/iTXt chunk, GIF as a comment extension. WebP and AVIF outputs carry none.
 */
final class Encoder {

    private static final Logger LOG = Logger.getLogger(Encoder.class.getName());
    private static final String GIF_IMAGE = "javax_imageio_gif_image_1.0";
    private static final String PNG_IMAGE = "javax_imageio_png_1.0";

    private final RenderSettings settings;
    private final TurboJpeg turbo;
    private final Heif heif;
    private final Codecs codecs;

    Encoder(RenderSettings settings, TurboJpeg turbo, Heif heif, Codecs codecs) {
        this.settings = settings;
        this.turbo = turbo;
        this.heif = heif;
        this.codecs = codecs;
    }

    // --- JPEG ---------------------------------------------------------------------------------------------

    /**
     * 4:2:0 JPEG at the quality; progressive (when enabled) only from {@code jpegProgressiveMinPixels} pixels up.
     * Measured with TurboJPEG 2.1.5 on a photo at q80: 300x169 baseline 0.67 ms / 9.6 KB vs progressive 1.19 ms /
     * 9.3 KB; 1200x675 2.6 ms / 77 KB vs 12.3 ms / 74 KB; 2400x1350 9 ms / 249 KB vs 38 ms / 236 KB. Progressive
     * encoding is 2-4x the encode time for ~4-5 % fewer bytes: negligible next to the decode of a large source,
     * but for a 300 px thumbnail it buys 300 bytes with nothing to show progressively, so small outputs (below
     * 100 000 pixels by default, about 400x250) stay baseline.
     */
    byte[] jpeg(Frame f, int quality, String copyright) throws IOException {
        boolean progressive = settings.jpegProgressive() && (long) f.width * f.height >= settings.jpegProgressiveMinPixels();
        BufferedImage img = Rasters.wrap(f.px, f.width, f.height, false);
        byte[] out = null;
        if (turbo != null && (!progressive || turbo.canProgressive())) {
            try {
                out = turbo.encode(img, quality, progressive);
            } catch (Exception e) {
                LOG.log(Level.FINE, "TurboJPEG could not encode, using ImageIO", e);
            }
        }
        if (out == null) {
            ImageWriter writer = codecs.jpegWriter();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            out = write(writer, null, new IIOImage(img, null, null), param);
        }
        return copyright == null ? out : withExifCopyright(out, copyright);
    }

    /** Inserts an APP1 Exif segment with only IFD0 Copyright after SOI (and after a JFIF APP0, if any). */
    static byte[] withExifCopyright(byte[] jpeg, String copyright) {
        byte[] text = copyright.getBytes(StandardCharsets.UTF_8);
        if (text.length > 60000) {
            text = java.util.Arrays.copyOf(text, 60000);
        }
        int count = text.length + 1; // NUL-terminated
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // big-endian, IFD0 at 8
        tiff.writeBytes(new byte[] {0, 1}); // one entry
        tiff.writeBytes(new byte[] {(byte) 0x82, (byte) 0x98, 0, 2}); // Copyright, ASCII
        tiff.writeBytes(be32(count));
        if (count <= 4) {
            byte[] inline = new byte[4];
            System.arraycopy(text, 0, inline, 0, text.length);
            tiff.writeBytes(inline);
            tiff.writeBytes(be32(0));
        } else {
            tiff.writeBytes(be32(8 + 2 + 12 + 4)); // value right after the IFD
            tiff.writeBytes(be32(0)); // no next IFD
            tiff.writeBytes(text);
            tiff.write(0);
        }
        byte[] body = tiff.toByteArray();
        int len = 2 + 6 + body.length;
        int at = 2;
        if (jpeg.length > 4 && (jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + len + 2);
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    private static byte[] be32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    // --- PNG ----------------------------------------------------------------------------------------------

    byte[] png(Frame f, String copyright) throws IOException {
        BufferedImage img = Rasters.wrap(f.px, f.width, f.height, f.alpha);
        ImageWriter writer = codecs.pngWriter();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed()) {
            // the JDK maps quality q to deflate level round(9 * (1 - q))
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f - settings.pngCompression() / 9f);
        }
        IIOMetadata meta = null;
        if (copyright != null) {
            meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            IIOMetadataNode root = new IIOMetadataNode(PNG_IMAGE);
            if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(copyright)) {
                IIOMetadataNode text = new IIOMetadataNode("tEXt");
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", "Copyright");
                entry.setAttribute("value", copyright);
                text.appendChild(entry);
                root.appendChild(text);
            } else {
                IIOMetadataNode text = new IIOMetadataNode("iTXt");
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", "Copyright");
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", copyright);
                text.appendChild(entry);
                root.appendChild(text);
            }
            meta.mergeTree(PNG_IMAGE, root);
        }
        return write(writer, null, new IIOImage(img, null, meta), param);
    }

    // --- WebP ---------------------------------------------------------------------------------------------

    byte[] webp(Frame f, int quality) throws IOException, RenderException {
        ImageWriter writer = codecs.webpWriter();
        if (writer == null) {
            throw new RenderException(RenderException.UNSUPPORTED, "WebP output is not available on this host");
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("Lossy");
        param.setCompressionQuality(quality / 100f);
        BufferedImage img = Rasters.wrap(f.px, f.width, f.height, f.alpha);
        return write(writer, null, new IIOImage(img, null, null), param);
    }

    // --- AVIF ---------------------------------------------------------------------------------------------

    /**
     * AVIF through libheif's AV1 encoder, 4:2:0, alpha kept, no metadata. The default quality (80, tuned for
     * JPEG) becomes {@code variant.avif-quality} (63: AVIF at 63 matches JPEG at 80 by eye, as libvips and
     * imgproxy have it); an explicit quality is used as it is.
     */
    byte[] avif(Frame f, int quality) throws RenderException {
        if (heif == null || !heif.writesAvif()) {
            throw new RenderException(RenderException.UNSUPPORTED, "AVIF output is not available on this host");
        }
        int q = quality == org.picbed.client.spec.VariantSpec.DEFAULT_QUALITY ? settings.avifQuality() : quality;
        try {
            return heif.avif(f, q, settings.avifSpeed());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new RenderException(RenderException.ENCODE_FAILED, "the avif output cannot be written ("
                    + e.getMessage() + ")", e);
        }
    }

    // --- GIF ----------------------------------------------------------------------------------------------

    /** One GIF frame to write: indexed pixels and its delay in 1/100 s. */
    record GifFrame(BufferedImage image, int transparent, int delayCentis) {
    }

    static GifFrame indexed(Frame f, int delayCentis, boolean dither) {
        Quantizer.Indexed q = Quantizer.quantize(f.px, f.width, f.height, f.alpha, dither);
        int size = q.palette().length;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (q.palette()[i] >> 16);
            g[i] = (byte) (q.palette()[i] >> 8);
            b[i] = (byte) q.palette()[i];
        }
        int bits = Math.max(1, Integer.numberOfTrailingZeros(size));
        IndexColorModel icm = q.transparent() >= 0
                ? new IndexColorModel(bits, size, r, g, b, q.transparent())
                : new IndexColorModel(bits, size, r, g, b);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(q.indexes(), q.indexes().length),
                f.width, f.height, f.width, 1, new int[] {0}, null);
        return new GifFrame(new BufferedImage(icm, raster, false, null), q.transparent(), delayCentis);
    }

    /** A still or animated GIF; loops: 0 forever, n times, -1 no loop extension (plays once). */
    byte[] gif(List<GifFrame> frames, int loops, String copyright) throws IOException {
        ImageWriter writer = codecs.gifWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 << 10);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            boolean animated = frames.size() > 1;
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                GifFrame fr = frames.get(i);
                IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(fr.image()), null);
                IIOMetadataNode root = new IIOMetadataNode(GIF_IMAGE);
                IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
                // every frame is a whole composited canvas: clear it before the next, so transparency shows
                gce.setAttribute("disposalMethod", animated ? "restoreToBackgroundColor" : "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", fr.transparent() >= 0 ? "TRUE" : "FALSE");
                gce.setAttribute("delayTime", Integer.toString(Math.max(0, fr.delayCentis())));
                gce.setAttribute("transparentColorIndex", Integer.toString(Math.max(0, fr.transparent())));
                root.appendChild(gce);
                if (i == 0 && animated && loops >= 0) {
                    IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[] {1, (byte) (loops & 0xFF), (byte) ((loops >> 8) & 0xFF)});
                    apps.appendChild(app);
                    root.appendChild(apps);
                }
                if (i == 0 && copyright != null) {
                    IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
                    IIOMetadataNode comment = new IIOMetadataNode("CommentExtension");
                    comment.setAttribute("value", "Copyright: " + copyright);
                    comments.appendChild(comment);
                    root.appendChild(comments);
                }
                meta.mergeTree(GIF_IMAGE, root);
                writer.writeToSequence(new IIOImage(fr.image(), null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    // --- ImageIO --------------------------------------------------------------------------------------------

    private static byte[] write(ImageWriter writer, IIOMetadata stream, IIOImage image, ImageWriteParam param)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 << 10);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(stream, image, param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
