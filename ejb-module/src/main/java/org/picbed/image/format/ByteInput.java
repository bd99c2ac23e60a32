package org.picbed.image.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A forward-only reader with its own buffer, for the upload inspection: every byte it consumes comes from (and so
 * passes) the stream, and it never reads further than the image needs. A short read is an {@link EOFException}.
 * The static helpers read numbers out of byte arrays, bounds-checked (0 past the end) for header scans.
 */
final class ByteInput {

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;

    ByteInput(InputStream in) {
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
     * restart markers (FF D0-D7) are part of the data; they are handled inside the buffer scan because a photo
     * has one every few dozen bytes.
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

    // --- numbers in byte arrays (0 when out of range) -------------------------------------------------------

    static boolean startsWith(byte[] b, int... expected) {
        if (b.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether b[start, end) begins with the ASCII prefix. */
    static boolean startsWith(byte[] b, int start, int end, String prefix) {
        if (start < 0 || end > b.length || end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[start + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int u8(byte[] b, int p) {
        return p >= 0 && p < b.length ? b[p] & 0xFF : 0;
    }

    static int u16be(byte[] b, int p) {
        return p >= 0 && p + 2 <= b.length ? (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF) : 0;
    }

    static int u16le(byte[] b, int p) {
        return p >= 0 && p + 2 <= b.length ? (b[p + 1] & 0xFF) << 8 | (b[p] & 0xFF) : 0;
    }

    static int u16(byte[] b, int p, boolean little) {
        return little ? u16le(b, p) : u16be(b, p);
    }

    static int u24le(byte[] b, int p) {
        return p >= 0 && p + 3 <= b.length ? (b[p + 2] & 0xFF) << 16 | (b[p + 1] & 0xFF) << 8 | (b[p] & 0xFF) : 0;
    }

    static long u32(byte[] b, int p, boolean little) {
        if (p < 0 || p + 4 > b.length) {
            return 0;
        }
        return little
                ? (b[p + 3] & 0xFFL) << 24 | (b[p + 2] & 0xFF) << 16 | (b[p + 1] & 0xFF) << 8 | (b[p] & 0xFF)
                : (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }
}
