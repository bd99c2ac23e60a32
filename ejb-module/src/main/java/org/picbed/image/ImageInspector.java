package org.picbed.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Tells what an upload is from its bytes alone, in one forward pass and without decoding pixels: sniffs the
 * format from the magic bytes, checks the declared dimensions and frame counts against the limits as soon as a
 * header states them (so a decompression bomb is refused after a few bytes), and walks the container to its end
 * marker, so truncated or structurally broken files are refused. Bytes after a format's end marker are allowed
 * (they are stored and served as they are, with nosniff).
 */
public final class ImageInspector {

    private final ImageLimits limits;

    public ImageInspector(ImageLimits limits) {
        this.limits = limits;
    }

    /** Reads the stream up to the image's end marker; the caller reads whatever follows. */
    public ImageInfo inspect(InputStream stream) throws IOException {
        Reader in = new Reader(stream);
        byte[] head = in.peek(12);
        if (head.length == 0) {
            throw UploadRejected.empty();
        }
        ImageFormat format = sniff(head).orElseThrow(() -> UploadRejected.unsupportedFormat(
                "the content is not an accepted image format (JPEG, PNG, GIF, WebP, BMP, ICO)"));
        try {
            return switch (format) {
                case JPEG -> jpeg(in);
                case PNG -> png(in);
                case GIF -> gif(in);
                case WEBP -> webp(in);
                case BMP -> bmp(in);
                case ICO -> ico(in);
            };
        } catch (EOFException e) {
            throw UploadRejected.undecodable("the " + format.key().toUpperCase() + " file is truncated");
        }
    }

    /** The format named by a file's first bytes, if it is one picbed accepts. */
    public static java.util.Optional<ImageFormat> sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return java.util.Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return java.util.Optional.of(ImageFormat.PNG);
        }
        if (startsWith(head, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return java.util.Optional.of(ImageFormat.GIF);
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return java.util.Optional.of(ImageFormat.WEBP);
        }
        if (startsWith(head, 'B', 'M') && head.length >= 6) {
            return java.util.Optional.of(ImageFormat.BMP);
        }
        if (head.length >= 6 && head[0] == 0 && head[1] == 0 && (head[2] == 1 || head[2] == 2) && head[3] == 0
                && (head[4] != 0 || head[5] != 0)) {
            return java.util.Optional.of(ImageFormat.ICO);
        }
        return java.util.Optional.empty();
    }

    // --- JPEG --------------------------------------------------------------------------------------------

    private ImageInfo jpeg(Reader in) throws IOException {
        in.skip(2); // SOI
        int width = 0;
        int height = 0;
        int orientation = 1;
        boolean scanned = false;
        int marker = in.u8() == 0xFF ? nextMarker(in) : -1;
        while (true) {
            if (marker < 0) {
                throw UploadRejected.undecodable("the JPEG structure is broken");
            }
            if (marker == 0xD9) { // EOI
                if (width == 0 || !scanned) {
                    throw UploadRejected.undecodable("the JPEG has no image data");
                }
                boolean rotated = orientation >= 5 && orientation <= 8;
                return new ImageInfo(ImageFormat.JPEG, rotated ? height : width, rotated ? width : height, 1);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                marker = expectMarker(in);
                continue;
            }
            int length = in.u16();
            if (length < 2) {
                throw UploadRejected.undecodable("the JPEG has a malformed segment");
            }
            if (isStartOfFrame(marker)) {
                byte[] sof = in.bytes(length - 2);
                height = ((sof[1] & 0xFF) << 8) | (sof[2] & 0xFF);
                width = ((sof[3] & 0xFF) << 8) | (sof[4] & 0xFF);
                limits.checkFrame(width, height);
                marker = expectMarker(in);
            } else if (marker == 0xE1 && width == 0 && length >= 16) {
                orientation = exifOrientation(in.bytes(length - 2), orientation);
                marker = expectMarker(in);
            } else if (marker == 0xDA) { // SOS: header, then entropy-coded data up to the next marker
                if (width == 0) {
                    throw UploadRejected.undecodable("the JPEG has scan data before its frame header");
                }
                in.skip(length - 2);
                scanned = true;
                marker = scanToMarker(in);
            } else {
                in.skip(length - 2);
                marker = expectMarker(in);
            }
        }
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int expectMarker(Reader in) throws IOException {
        if (in.u8() != 0xFF) {
            throw UploadRejected.undecodable("the JPEG structure is broken");
        }
        return nextMarker(in);
    }

    /** After an 0xFF: skips fill bytes and returns the marker code. */
    private static int nextMarker(Reader in) throws IOException {
        int b;
        do {
            b = in.u8();
        } while (b == 0xFF);
        if (b == 0x00) {
            throw UploadRejected.undecodable("the JPEG structure is broken");
        }
        return b;
    }

    /** Entropy-coded data ends at an 0xFF that is neither a stuffed 0xFF00 nor a restart marker. */
    private static int scanToMarker(Reader in) throws IOException {
        return in.scanJpegEntropyData();
    }

    /** The EXIF Orientation tag (1-8) of an APP1 segment, or the fallback. */
    static int exifOrientation(byte[] app1, int fallback) {
        if (app1.length < 14 || app1[0] != 'E' || app1[1] != 'x' || app1[2] != 'i' || app1[3] != 'f') {
            return fallback;
        }
        int tiff = 6;
        boolean little = app1[tiff] == 'I' && app1[tiff + 1] == 'I';
        boolean big = app1[tiff] == 'M' && app1[tiff + 1] == 'M';
        if (!little && !big) {
            return fallback;
        }
        long ifd = tiff + readU32(app1, tiff + 4, little);
        if (ifd + 2 > app1.length) {
            return fallback;
        }
        int entries = readU16(app1, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > app1.length) {
                break;
            }
            if (readU16(app1, entry, little) == 0x0112) {
                int value = readU16(app1, entry + 8, little);
                return value >= 1 && value <= 8 ? value : fallback;
            }
        }
        return fallback;
    }

    // --- PNG ---------------------------------------------------------------------------------------------

    private ImageInfo png(Reader in) throws IOException {
        in.skip(8);
        int width = 0;
        int height = 0;
        int frames = 0;
        long totalPixels = 0;
        boolean sawData = false;
        boolean first = true;
        CRC32 crc = new CRC32();
        while (true) {
            long length = in.u32();
            if (length > Integer.MAX_VALUE) {
                throw UploadRejected.undecodable("the PNG has a malformed chunk");
            }
            byte[] type = in.bytes(4);
            String name = new String(type, java.nio.charset.StandardCharsets.US_ASCII);
            crc.reset();
            crc.update(type);
            if (first && !name.equals("IHDR")) {
                throw UploadRejected.undecodable("the PNG does not start with its header");
            }
            if (name.equals("IHDR") || name.equals("acTL") || name.equals("fcTL")) {
                byte[] data = in.bytes((int) length);
                crc.update(data);
                if (name.equals("IHDR")) {
                    if (!first || length != 13) {
                        throw UploadRejected.undecodable("the PNG header is malformed");
                    }
                    width = (int) readU32(data, 0, false);
                    height = (int) readU32(data, 4, false);
                    if (readU32(data, 0, false) > Integer.MAX_VALUE || readU32(data, 4, false) > Integer.MAX_VALUE) {
                        throw UploadRejected.tooLarge("dimensions_exceeded", "the PNG declares dimensions beyond any limit");
                    }
                    limits.checkFrame(width, height);
                } else if (name.equals("acTL") && length >= 8) {
                    long declared = readU32(data, 0, false);
                    limits.checkAnimation((int) Math.min(declared, Integer.MAX_VALUE), 0);
                } else if (name.equals("fcTL") && length >= 12) {
                    int fw = (int) readU32(data, 4, false);
                    int fh = (int) readU32(data, 8, false);
                    limits.checkFrame(fw, fh);
                    frames++;
                    totalPixels += (long) fw * fh;
                    limits.checkAnimation(frames, totalPixels);
                }
            } else {
                in.skipUpdating(length, crc);
            }
            if (in.u32() != crc.getValue()) {
                throw UploadRejected.undecodable("the PNG is corrupt (chunk checksum mismatch in " + name + ")");
            }
            first = false;
            if (name.equals("IDAT")) {
                sawData = true;
            } else if (name.equals("IEND")) {
                if (!sawData) {
                    throw UploadRejected.undecodable("the PNG has no image data");
                }
                return new ImageInfo(ImageFormat.PNG, width, height, Math.max(frames, 1));
            }
        }
    }

    // --- GIF ---------------------------------------------------------------------------------------------

    private ImageInfo gif(Reader in) throws IOException {
        in.skip(6);
        int width = in.u16le();
        int height = in.u16le();
        limits.checkFrame(width, height);
        int packed = in.u8();
        in.skip(2);
        if ((packed & 0x80) != 0) {
            in.skip(3L << ((packed & 0x07) + 1));
        }
        int frames = 0;
        long totalPixels = 0;
        while (true) {
            int block = in.u8();
            if (block == 0x3B) {
                if (frames == 0) {
                    throw UploadRejected.undecodable("the GIF has no image");
                }
                return new ImageInfo(ImageFormat.GIF, width, height, frames);
            } else if (block == 0x21) {
                in.u8();
                skipSubBlocks(in);
            } else if (block == 0x2C) {
                in.skip(4);
                int fw = in.u16le();
                int fh = in.u16le();
                limits.checkFrame(fw, fh);
                frames++;
                totalPixels += (long) fw * fh;
                limits.checkAnimation(frames, totalPixels);
                int framePacked = in.u8();
                if ((framePacked & 0x80) != 0) {
                    in.skip(3L << ((framePacked & 0x07) + 1));
                }
                in.u8(); // LZW minimum code size
                skipSubBlocks(in);
            } else {
                throw UploadRejected.undecodable("the GIF structure is broken");
            }
        }
    }

    private static void skipSubBlocks(Reader in) throws IOException {
        int size;
        while ((size = in.u8()) != 0) {
            in.skip(size);
        }
    }

    // --- WebP --------------------------------------------------------------------------------------------

    private ImageInfo webp(Reader in) throws IOException {
        in.skip(4);
        long riffSize = in.u32le();
        in.skip(4);
        long remaining = riffSize - 4;
        if (riffSize < 4 || (riffSize & 1) != 0) {
            throw UploadRejected.undecodable("the WebP container is malformed");
        }
        int width = 0;
        int height = 0;
        int frames = 0;
        long totalPixels = 0;
        boolean sawImage = false;
        while (remaining > 0) {
            if (remaining < 8) {
                throw UploadRejected.undecodable("the WebP container is malformed");
            }
            byte[] fourcc = in.bytes(4);
            long size = in.u32le();
            long padded = size + (size & 1);
            remaining -= 8;
            if (padded > remaining) {
                throw UploadRejected.undecodable("the WebP container is malformed");
            }
            String name = new String(fourcc, java.nio.charset.StandardCharsets.US_ASCII);
            long consumed = 0;
            switch (name) {
                case "VP8X" -> {
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
                        throw UploadRejected.undecodable("the WebP (VP8) data is malformed");
                    }
                    int w = readU16(d, 6, true) & 0x3FFF;
                    int h = readU16(d, 8, true) & 0x3FFF;
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
                    if ((d[0] & 0xFF) != 0x2F) {
                        throw UploadRejected.undecodable("the WebP (VP8L) data is malformed");
                    }
                    long bits = readU32(d, 1, true);
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
                throw UploadRejected.undecodable("the WebP container is malformed");
            }
            in.skip(padded - consumed);
            remaining -= padded;
        }
        if (!sawImage || width == 0) {
            throw UploadRejected.undecodable("the WebP has no image data");
        }
        return new ImageInfo(ImageFormat.WEBP, width, height, Math.max(frames, 1));
    }

    // --- BMP ---------------------------------------------------------------------------------------------

    private ImageInfo bmp(Reader in) throws IOException {
        in.skip(2);
        long fileSize = in.u32le();
        in.skip(4);
        long dataOffset = in.u32le();
        long headerSize = in.u32le();
        int width;
        int height;
        int bpp;
        long compression = 0;
        if (headerSize == 12) {
            width = in.u16le();
            height = in.u16le();
            in.skip(2);
            bpp = in.u16le();
        } else if (headerSize >= 40 && headerSize <= 124) {
            width = (int) in.u32le();
            height = Math.abs((int) in.u32le());
            in.skip(2);
            bpp = in.u16le();
            compression = in.u32le();
            in.skip(headerSize - 20);
        } else {
            throw UploadRejected.undecodable("the BMP header is malformed");
        }
        limits.checkFrame(width, height);
        if (dataOffset < 14 + headerSize || !Arrays.asList(1, 4, 8, 16, 24, 32).contains(bpp)) {
            throw UploadRejected.undecodable("the BMP header is malformed");
        }
        long needed = dataOffset;
        if (compression == 0 || compression == 3 || compression == 6) {
            long rowBytes = (((long) bpp * width + 31) / 32) * 4;
            needed += rowBytes * height;
        } else {
            needed += 1;
        }
        long read = 14 + headerSize;
        if (needed > read) {
            in.skip(needed - read);
        }
        return new ImageInfo(ImageFormat.BMP, width, height, 1);
    }

    // --- ICO / CUR ---------------------------------------------------------------------------------------

    private ImageInfo ico(Reader in) throws IOException {
        in.skip(4);
        int count = in.u16le();
        if (count == 0 || count > 256) {
            throw UploadRejected.undecodable("the ICO directory is malformed");
        }
        record Entry(int width, int height, long size, long offset) {
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] e = in.bytes(16);
            int w = e[0] == 0 ? 256 : e[0] & 0xFF;
            int h = e[1] == 0 ? 256 : e[1] & 0xFF;
            entries.add(new Entry(w, h, readU32(e, 8, true), readU32(e, 12, true)));
        }
        entries.sort(Comparator.comparingLong(Entry::offset));
        long position = 6 + 16L * count;
        int width = 0;
        int height = 0;
        for (Entry entry : entries) {
            if (entry.offset() < position || entry.size() < 8) {
                throw UploadRejected.undecodable("the ICO directory is malformed");
            }
            in.skip(entry.offset() - position);
            byte[] head = in.bytes(8);
            boolean png = startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            boolean dib = head[0] == 40 && head[1] == 0 && head[2] == 0 && head[3] == 0;
            if (!png && !dib) {
                throw UploadRejected.undecodable("the ICO holds an image of an unknown kind");
            }
            limits.checkFrame(entry.width(), entry.height());
            in.skip(entry.size() - 8);
            position = entry.offset() + entry.size();
            if ((long) entry.width() * entry.height() > (long) width * height) {
                width = entry.width();
                height = entry.height();
            }
        }
        return new ImageInfo(ImageFormat.ICO, width, height, 1);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readU16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long readU32(byte[] b, int at, boolean little) {
        return little
                ? (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24
                : (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    private static int u24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    /** A forward-only reader with its own buffer; every byte it consumes comes from (and so passes) the stream. */
    static final class Reader {
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int limit;

        Reader(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            if (pos < limit) {
                return true;
            }
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        byte[] peek(int n) throws IOException {
            while (limit - pos < n) {
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                }
                int r = in.read(buf, limit, buf.length - limit);
                if (r < 0) {
                    break;
                }
                limit += r;
            }
            return Arrays.copyOfRange(buf, pos, pos + Math.min(n, limit - pos));
        }

        int u8() throws IOException {
            if (!fill()) {
                throw new EOFException();
            }
            return buf[pos++] & 0xFF;
        }

        int u16() throws IOException {
            return u8() << 8 | u8();
        }

        int u16le() throws IOException {
            return u8() | u8() << 8;
        }

        long u32() throws IOException {
            return (long) u16() << 16 | u16();
        }

        long u32le() throws IOException {
            return u16le() | (long) u16le() << 16;
        }

        byte[] bytes(int n) throws IOException {
            byte[] out = new byte[n];
            int done = 0;
            while (done < n) {
                if (!fill()) {
                    throw new EOFException();
                }
                int k = Math.min(n - done, limit - pos);
                System.arraycopy(buf, pos, out, done, k);
                pos += k;
                done += k;
            }
            return out;
        }

        void skip(long n) throws IOException {
            skipUpdating(n, null);
        }

        void skipUpdating(long n, CRC32 crc) throws IOException {
            while (n > 0) {
                if (!fill()) {
                    throw new EOFException();
                }
                int k = (int) Math.min(n, limit - pos);
                if (crc != null) {
                    crc.update(buf, pos, k);
                }
                pos += k;
                n -= k;
            }
        }

        /**
         * Consumes JPEG entropy-coded data up to the next marker and returns its code. Stuffed bytes (FF 00) and
         * restart markers (FF D0-D7) are part of the data; they are handled inside the buffer scan because a
         * photo has one every few dozen bytes.
         */
        int scanJpegEntropyData() throws IOException {
            while (true) {
                if (!fill()) {
                    throw new EOFException();
                }
                int i = pos;
                while (true) {
                    i = ByteSearch.indexOf(buf, i, limit, (byte) 0xFF);
                    if (i < 0 || i + 1 >= limit) {
                        break;
                    }
                    int next = buf[i + 1] & 0xFF;
                    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                        i += 2;
                        continue;
                    }
                    if (next == 0xFF) {
                        i += 1; // fill byte before a marker
                        continue;
                    }
                    pos = i + 2;
                    return next;
                }
                // no decision possible inside the window: keep a trailing 0xFF for the next fill
                pos = i < 0 ? limit : i;
                if (i >= 0 && limit - pos == 1) {
                    buf[0] = buf[pos];
                    pos = 0;
                    limit = 1;
                    int n = in.read(buf, 1, buf.length - 1);
                    if (n < 0) {
                        throw new EOFException();
                    }
                    limit += n;
                }
            }
        }

        /** Consumes bytes up to and including the next occurrence of {@code b}. */
        void skipUntil(byte b) throws IOException {
            while (true) {
                if (!fill()) {
                    throw new EOFException();
                }
                int i = ByteSearch.indexOf(buf, pos, limit, b);
                if (i >= 0) {
                    pos = i + 1;
                    return;
                }
                pos = limit;
            }
        }

        /** What the reader has buffered but not consumed: part of whatever follows the image. */
        int buffered() {
            return limit - pos;
        }
    }
}
