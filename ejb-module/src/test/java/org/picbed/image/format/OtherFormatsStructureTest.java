package org.picbed.image.format;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One crafted PNG, GIF or WebP per structural rule of the upload inspection. Where ImageIO (the renderer's
 * decoder: the JDK's PNG and GIF readers, TwelveMonkeys' WebP reader) is the reference, its verdict is checked
 * too: what is refused must not decode, what is accepted must.
 */
class OtherFormatsStructureTest {

    private static ImageInfo inspect(byte[] bytes) throws IOException {
        return ImageFormats.inspect(new ByteArrayInputStream(bytes), ImageLimits.defaults());
    }

    /** Refused with 422, and ImageIO cannot decode it either. */
    private static void refused(byte[] bytes, String rule) {
        refusedByInspection(bytes, rule);
        assertFalse(decodes(bytes), "ImageIO decodes what is refused: " + rule);
    }

    /** Refused with 422 (a rule whose reference is another decoder: see the caller). */
    private static void refusedByInspection(byte[] bytes, String rule) {
        UploadRejected e = assertThrows(UploadRejected.class, () -> inspect(bytes), rule);
        assertEquals(422, e.status(), rule);
        assertEquals("undecodable", e.code(), rule);
    }

    private static void accepted(byte[] bytes, String rule) throws IOException {
        inspect(bytes);
        assertTrue(decodes(bytes), "ImageIO refuses what is accepted: " + rule);
    }

    /**
     * Whether some ImageIO reader for the format decodes every frame of the image: for WebP the renderer tries
     * libwebp and falls back to TwelveMonkeys, so a file either of them decodes is decodable.
     */
    static boolean decodes(byte[] bytes) {
        try (ImageInputStream probe = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(probe);
            while (readers.hasNext()) {
                if (decodesWith(readers.next(), bytes)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean decodesWith(ImageReader reader, byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            for (int i = 0; i < n; i++) {
                if (reader.read(i) == null) {
                    return false;
                }
            }
            return n > 0;
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        } finally {
            reader.dispose();
        }
    }

    // --- PNG ------------------------------------------------------------------------------------------------

    @Test
    void validPngsPass() throws IOException {
        accepted(Crafted.Png.of("ok_baseline.png").bytes(), "RGB");
        accepted(Crafted.Png.of("png_palette_trns.png").bytes(), "palette with tRNS");
        accepted(Crafted.Png.of("png_16bit_rgb.png").bytes(), "16-bit RGB");
    }

    @Test
    void pngBitDepthMustSuitTheColourType() {
        refused(Crafted.Png.of("ok_baseline.png").header(8, 4).bytes(), "RGB with 4 bits");
        refused(Crafted.Png.of("ok_baseline.png").header(9, 5).bytes(), "colour type 5");
        refused(Crafted.Png.of("ok_baseline.png").header(9, 1).bytes(), "colour type 1");
        refused(Crafted.Png.of("png_palette_trns.png").header(8, 16).bytes(), "palette with 16 bits");
        refused(Crafted.Png.of("ok_baseline.png").header(9, 0).header(8, 3).bytes(), "grey with 3 bits");
    }

    @Test
    void pngMethodsAreKnown() {
        refused(Crafted.Png.of("ok_baseline.png").header(10, 1).bytes(), "compression method 1");
        refused(Crafted.Png.of("ok_baseline.png").header(11, 1).bytes(), "filter method 1");
        refused(Crafted.Png.of("ok_baseline.png").header(12, 2).bytes(), "interlace method 2");
    }

    @Test
    void pngHeaderChecksumAndLength() {
        // libpng refuses a CRC error in a critical chunk (the JDK reader does not check CRCs)
        byte[] png = Crafted.Png.of("ok_baseline.png").bytes();
        png[29] ^= 0x01; // IHDR CRC
        refusedByInspection(png, "IHDR CRC");
        Crafted.Png longHeader = Crafted.Png.of("ok_baseline.png");
        longHeader.data.set(0, Arrays.copyOf(longHeader.data.get(0), 14));
        refused(longHeader.bytes(), "IHDR of 14 bytes");
    }

    @Test
    void pngNeedsImageDataAndAnEnd() {
        refused(Crafted.Png.of("ok_baseline.png").remove("IDAT").bytes(), "no IDAT");
        // libpng: "Not enough image data" at the missing IEND; the JDK reader stops after the image data
        refusedByInspection(Crafted.Png.of("ok_baseline.png").remove("IEND").bytes(), "no IEND");
    }

    @Test
    void aPaletteImageNeedsItsPaletteFirst() throws IOException {
        refused(Crafted.Png.of("png_palette_trns.png").remove("PLTE").bytes(), "palette image without PLTE");
        Crafted.Png twice = Crafted.Png.of("png_palette_trns.png");
        twice.insertBefore("IDAT", "PLTE", twice.data.get(twice.index("PLTE")).clone());
        refused(twice.bytes(), "two palettes");
        Crafted.Png odd = Crafted.Png.of("png_palette_trns.png");
        byte[] plte = odd.data.get(odd.index("PLTE"));
        odd.data.set(odd.index("PLTE"), Arrays.copyOf(plte, plte.length + 1));
        // libpng refuses a palette of 3n + 1 bytes; ImageIO, the renderer's decoder, ignores the odd byte: accepted
        accepted(odd.bytes(), "palette of 3n + 1 bytes");
    }

    // --- GIF ------------------------------------------------------------------------------------------------

    /** An 8x8 GIF of two colours, as ImageIO writes it; {@code descriptor} is the offset of its image descriptor. */
    record Gif(byte[] bytes, int descriptor, int codeSize) {

        static Gif make() throws IOException {
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    img.setRGB(x, y, x < 4 ? 0xFF0000 : 0x0000FF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "gif", out);
            byte[] g = out.toByteArray();
            int p = 13 + ((g[10] & 0x80) != 0 ? 3 << ((g[10] & 7) + 1) : 0);
            while (g[p] == 0x21) {
                p += 2;
                while (g[p] != 0) {
                    p += (g[p] & 0xFF) + 1;
                }
                p++;
            }
            int lzw = p + 10 + ((g[p + 9] & 0x80) != 0 ? 3 << ((g[p + 9] & 7) + 1) : 0);
            return new Gif(g, p, lzw);
        }

        byte[] with(int at, int value) {
            byte[] b = bytes.clone();
            b[at] = (byte) value;
            return b;
        }
    }

    @Test
    void gifLzwCodeSize() throws IOException {
        Gif gif = Gif.make();
        accepted(gif.bytes(), "as written");
        refused(gif.with(gif.codeSize(), 0), "code size 0");
        refused(gif.with(gif.codeSize(), 9), "code size 9");
        refused(gif.with(gif.codeSize(), 12), "code size 12");
    }

    @Test
    void gifLogicalScreenAndFrames() throws IOException {
        Gif gif = Gif.make();
        // a zero dimension is refused by the status policy (the JDK reader would decode the frame regardless)
        refusedByInspection(gif.with(6, 0), "screen width 0");
        refusedByInspection(gif.with(gif.descriptor() + 5, 0), "frame width 0");
        // a frame outside the logical screen is decoded (and clipped by browsers): accepted
        byte[] outside = gif.with(gif.descriptor() + 1, 200);
        assertEquals(1, inspect(outside).frames());
        assertTrue(decodes(outside));
        refusedByInspection(gif.with(gif.bytes().length - 1, 0x00), "no trailer");
    }

    // --- WebP -----------------------------------------------------------------------------------------------

    private static byte[] webp() {
        return Crafted.corpus("webp_lossy_64x48.webp"); // RIFF, VP8 chunk at 12
    }

    private static byte[] poke(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }

    /** The lossy WebP with a VP8X chunk (flags, canvas) before its VP8 chunk. */
    private static byte[] extended(int flags, int canvasWidth, int canvasHeight, int chunkSize) {
        byte[] src = webp();
        byte[] chunk = new byte[8 + chunkSize];
        chunk[0] = 'V';
        chunk[1] = 'P';
        chunk[2] = '8';
        chunk[3] = 'X';
        chunk[4] = (byte) chunkSize;
        chunk[8] = (byte) flags;
        chunk[12] = (byte) (canvasWidth - 1);
        chunk[13] = (byte) ((canvasWidth - 1) >> 8);
        chunk[15] = (byte) (canvasHeight - 1);
        chunk[16] = (byte) ((canvasHeight - 1) >> 8);
        byte[] out = new byte[src.length + chunk.length];
        System.arraycopy(src, 0, out, 0, 12);
        System.arraycopy(chunk, 0, out, 12, chunk.length);
        System.arraycopy(src, 12, out, 12 + chunk.length, src.length - 12);
        long riff = ByteInput.u32(out, 4, true) + chunk.length;
        out[4] = (byte) riff;
        out[5] = (byte) (riff >> 8);
        return out;
    }

    @Test
    void webpVp8FrameHeader() throws IOException {
        byte[] ok = webp();
        accepted(ok, "as written");
        int tag = 20; // the VP8 frame tag: 3 bytes at the chunk data
        refused(poke(ok, tag, ok[tag] | 0x01), "an inter frame");
        accepted(poke(ok, tag, (ok[tag] & ~0x0E) | 0x08), "version 4 (libwebp refuses, TwelveMonkeys decodes)");
        accepted(poke(ok, tag, ok[tag] & ~0x10), "not shown (libwebp refuses, TwelveMonkeys decodes)");
        refused(poke(poke(ok, tag + 1, 0xFF), tag + 2, 0xFF), "first partition longer than the chunk");
        // an older rule, kept: libwebp refuses a wrong start code (TwelveMonkeys does not look at it)
        refusedByInspection(poke(ok, tag + 3, 0x9C), "start code");
    }

    @Test
    void webpRiffSize() {
        refusedByInspection(poke(webp(), 4, webp()[4] + 1), "odd RIFF size"); // an older rule
        // a RIFF size beyond the file is a truncated upload (TwelveMonkeys decodes what is there)
        refusedByInspection(poke(webp(), 4, webp()[4] + 2), "RIFF size beyond the file");
    }

    @Test
    void webpExtendedHeader() throws IOException {
        accepted(extended(0, 64, 48, 10), "VP8X with the image's size");
        // libwebp refuses a still image whose canvas differs from its frame; TwelveMonkeys decodes it: accepted
        accepted(extended(0, 65, 48, 10), "VP8X canvas wider than the image");
        refused(extended(0, 64, 48, 12), "VP8X of 12 bytes");
    }

    @Test
    void webpLosslessHeader() {
        byte[] vp8l = {'R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 13, 0, 0, 0,
                0x2F, 63, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        refusedByInspection(poke(vp8l, 24, 0x20), "VP8L version 1");
        refusedByInspection(poke(vp8l, 20, 0x2E), "VP8L signature");
    }
}
