package org.picbed.image.format;

import org.picbed.image.ImageFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.picbed.image.format.ByteInput.u16le;
import static org.picbed.image.format.ByteInput.u24le;
import static org.picbed.image.format.ByteInput.u32;

/**
 * WebP: the upload inspection (RIFF size and chunk sizes, the VP8X, VP8 and VP8L headers, animation frames) and
 * the render-time header facts. What is refused is what libwebp's header parsing (VP8GetInfo, VP8LGetInfo,
 * ParseHeadersInternal) refuses.
 */
final class Webp {

    private static final int MAX_ICC = 4 << 20;

    private Webp() {
    }

    private static UploadRejected malformed(String what) {
        return UploadRejected.undecodable("the WebP " + what + " is malformed");
    }

    // --- upload ---------------------------------------------------------------------------------------------

    static ImageInfo inspect(ByteInput in, ImageLimits limits) throws IOException {
        in.skip(4);
        long riffSize = in.u32le();
        in.skip(4);
        long remaining = riffSize - 4;
        if (riffSize < 4 || (riffSize & 1) != 0) {
            throw malformed("container");
        }
        int width = 0;
        int height = 0;
        int frames = 0;
        long totalPixels = 0;
        boolean sawImage = false;
        while (remaining > 0) {
            if (remaining < 8) {
                throw malformed("container");
            }
            byte[] fourcc = in.bytes(4);
            long size = in.u32le();
            long padded = size + (size & 1);
            remaining -= 8;
            if (padded > remaining) {
                throw malformed("container");
            }
            String name = new String(fourcc, StandardCharsets.US_ASCII);
            long consumed = 0;
            switch (name) {
                case "VP8X" -> {
                    if (size != 10) { // libwebp: VP8X_CHUNK_SIZE exactly
                        throw malformed("extended header (VP8X)");
                    }
                    byte[] d = in.bytes(10);
                    consumed = 10;
                    width = u24le(d, 4) + 1;
                    height = u24le(d, 7) + 1;
                    limits.checkFrame(width, height);
                }
                case "VP8 " -> {
                    byte[] d = in.bytes(10);
                    consumed = 10;
                    if ((d[3] & 0xFF) != 0x9D || (d[4] & 0xFF) != 0x01 || (d[5] & 0xFF) != 0x2A) {
                        throw malformed("data (VP8)");
                    }
                    int tag = u24le(d, 0);
                    // VP8GetInfo: a key frame whose first partition fits the chunk. libwebp also wants version
                    // 0-3 and the show-frame bit, but the renderer's fallback (TwelveMonkeys) decodes without them
                    if ((tag & 1) != 0 || (tag >> 5) >= size) {
                        throw malformed("frame header (VP8)");
                    }
                    int w = u16le(d, 6) & 0x3FFF;
                    int h = u16le(d, 8) & 0x3FFF;
                    limits.checkFrame(w, h);
                    if (width == 0) {
                        width = w;
                        height = h;
                    }
                    sawImage = true;
                }
                case "VP8L" -> {
                    byte[] d = in.bytes(5);
                    consumed = 5;
                    long bits = u32(d, 1, true);
                    if ((d[0] & 0xFF) != 0x2F || (bits >>> 29) != 0) { // signature, version 0
                        throw malformed("data (VP8L)");
                    }
                    int w = (int) (bits & 0x3FFF) + 1;
                    int h = (int) ((bits >> 14) & 0x3FFF) + 1;
                    limits.checkFrame(w, h);
                    if (width == 0) {
                        width = w;
                        height = h;
                    }
                    sawImage = true;
                }
                case "ANMF" -> {
                    byte[] d = in.bytes(16);
                    consumed = 16;
                    int fw = u24le(d, 6) + 1;
                    int fh = u24le(d, 9) + 1;
                    limits.checkFrame(fw, fh);
                    frames++;
                    totalPixels += (long) fw * fh;
                    limits.checkAnimation(frames, totalPixels);
                    sawImage = true;
                }
                default -> {
                }
            }
            if (consumed > padded) {
                throw malformed("container");
            }
            in.skip(padded - consumed);
            remaining -= padded;
        }
        if (!sawImage || width == 0) {
            throw UploadRejected.undecodable("the WebP has no image data");
        }
        return new ImageInfo(ImageFormat.WEBP, width, height, Math.max(frames, 1));
    }

    // --- render-time headers -------------------------------------------------------------------------------

    /** Size, alpha (decided by the first chunk: VP8L, or VP8X with the alpha flag), orientation, ICC, copyright. */
    static SourceInfo headers(byte[] b) {
        int width = 0;
        int height = 0;
        boolean alpha = false;
        byte[] icc = null;
        Exif.Found found = new Exif.Found();
        int p = 12;
        while (p + 8 <= b.length) {
            long len = u32(b, p + 4, true);
            if (len > b.length - p - 8) {
                len = b.length - p - 8; // tolerate a short last chunk
            }
            int n = (int) len;
            int d = p + 8;
            String type = new String(b, p, 4, StandardCharsets.ISO_8859_1);
            if (p == 12) {
                alpha = type.equals("VP8L") || (type.equals("VP8X") && n >= 1 && (b[d] & 0x10) != 0);
            }
            switch (type) {
                case "VP8X" -> {
                    if (n >= 10) {
                        width = 1 + u24le(b, d + 4);
                        height = 1 + u24le(b, d + 7);
                    }
                }
                case "VP8 " -> {
                    if (width == 0 && n >= 10) {
                        width = u16le(b, d + 6) & 0x3FFF;
                        height = u16le(b, d + 8) & 0x3FFF;
                    }
                }
                case "VP8L" -> {
                    if (width == 0 && n >= 5) {
                        long bits = u32(b, d + 1, true);
                        width = (int) (bits & 0x3FFF) + 1;
                        height = (int) ((bits >> 14) & 0x3FFF) + 1;
                    }
                }
                case "ICCP" -> icc = n > 128 && n <= MAX_ICC ? Arrays.copyOfRange(b, d, d + n) : null;
                case "EXIF" -> {
                    int off = ByteInput.startsWith(b, d, d + n, Exif.APP1_PREFIX) ? d + 6 : d;
                    found.exif(Exif.read(b, off, d + n));
                }
                case "XMP " -> found.xmp(new String(b, d, n, StandardCharsets.UTF_8));
                default -> {
                }
            }
            p = d + n + (n & 1);
        }
        return new SourceInfo(ImageFormat.WEBP, width, height, found.orientation, icc, found.notice(), 0, 0, false, alpha, false);
    }
}
