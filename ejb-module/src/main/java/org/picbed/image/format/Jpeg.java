package org.picbed.image.format;

import org.picbed.image.ImageFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.picbed.image.format.ByteInput.startsWith;
import static org.picbed.image.format.ByteInput.u16be;

/**
 * JPEG: the upload inspection (markers, segment lengths and the tables a decoder needs, without decoding the
 * entropy-coded data) and the render-time header facts.
 * <p>
 * What is refused is what libjpeg(-turbo) refuses with a fatal error (jdmarker.c, jdinput.c, jdhuff.c,
 * jdphuff.c, jdsample.c); what it only warns about is accepted. In particular a scan that uses Huffman table 0 or
 * 1 without a DHT is accepted: libjpeg decodes it with the standard tables (motion-JPEG frames rely on that).
 */
final class Jpeg {

    /** libjpeg's limits: MAX_COMPONENTS, MAX_COMPS_IN_SCAN, D_MAX_BLOCKS_IN_MCU, MAX_SAMP_FACTOR, NUM_*_TBLS. */
    private static final int MAX_COMPONENTS = 10;
    private static final int MAX_COMPS_IN_SCAN = 4;
    private static final int MAX_BLOCKS_IN_MCU = 10;
    private static final int MAX_SAMPLING = 4;
    private static final int TABLES = 4;
    private static final int MAX_ICC = 4 << 20;

    private Jpeg() {
    }

    static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    static boolean isProgressive(int sof) {
        return sof == 0xC2 || sof == 0xC6 || sof == 0xCA || sof == 0xCE;
    }

    private static boolean isLossless(int sof) {
        return sof == 0xC3 || sof == 0xC7 || sof == 0xCB || sof == 0xCF;
    }

    private static boolean isArithmetic(int sof) {
        return sof >= 0xC9;
    }

    private static UploadRejected broken(String detail) {
        return UploadRejected.undecodable(detail);
    }

    // --- upload ---------------------------------------------------------------------------------------------

    /** Walks the stream from SOI to EOI, checking every segment; the entropy-coded data is only scanned for markers. */
    static ImageInfo inspect(ByteInput in, ImageLimits limits) throws IOException {
        in.skip(2); // SOI
        Structure structure = new Structure();
        int orientation = 1;
        boolean scanned = false;
        int marker = in.u8() == 0xFF ? nextMarker(in) : -1;
        while (true) {
            if (marker < 0) {
                throw broken("the JPEG structure is broken");
            }
            if (marker == 0xD9) { // EOI
                if (structure.width == 0 || !scanned) {
                    throw broken("the JPEG has no image data");
                }
                boolean rotated = orientation >= 5 && orientation <= 8;
                int w = structure.width;
                int h = structure.height;
                return new ImageInfo(ImageFormat.JPEG, rotated ? h : w, rotated ? w : h, 1);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                marker = expectMarker(in);
                continue;
            }
            int length = in.u16();
            if (length < 2) {
                throw broken("the JPEG has a malformed segment");
            }
            if (isStartOfFrame(marker)) {
                structure.frame(marker, in.bytes(length - 2), limits);
                marker = expectMarker(in);
            } else if (marker == 0xC4) {
                structure.huffman(in.bytes(length - 2));
                marker = expectMarker(in);
            } else if (marker == 0xDB) {
                structure.quantisation(in.bytes(length - 2));
                marker = expectMarker(in);
            } else if (marker == 0xDD) { // DRI
                if (length != 4) {
                    throw broken("the JPEG has a malformed restart interval");
                }
                in.skip(2);
                marker = expectMarker(in);
            } else if (marker == 0xE1 && !scanned && length >= 16) {
                byte[] app1 = in.bytes(length - 2);
                Exif exif = Exif.app1(app1, 0, app1.length);
                if (exif.hasOrientation()) {
                    orientation = exif.orientation();
                }
                marker = expectMarker(in);
            } else if (marker == 0xDA) { // SOS: header, then entropy-coded data up to the next marker
                if (structure.width == 0) {
                    throw broken("the JPEG has scan data before its frame header");
                }
                structure.scan(in.bytes(length - 2));
                scanned = true;
                marker = in.scanJpegEntropyData();
            } else {
                in.skip(length - 2);
                marker = expectMarker(in);
            }
        }
    }

    private static int expectMarker(ByteInput in) throws IOException {
        if (in.u8() != 0xFF) {
            throw broken("the JPEG structure is broken");
        }
        return nextMarker(in);
    }

    /** After an 0xFF: skips fill bytes and returns the marker code. */
    private static int nextMarker(ByteInput in) throws IOException {
        int b;
        do {
            b = in.u8();
        } while (b == 0xFF);
        if (b == 0x00) {
            throw broken("the JPEG structure is broken");
        }
        return b;
    }

    /** The frame and the tables defined so far, checked when a scan uses them (as libjpeg does). */
    static final class Structure {
        int sof = -1;
        int width;
        int height;
        private int[] ids = new int[0];
        private int[] h;
        private int[] v;
        private int[] quantTable;
        private boolean[] latched;
        private final boolean[] quantDefined = new boolean[TABLES];
        /** [class 0 = DC, 1 = AC][id]: defined, a valid prefix code, the largest symbol. */
        private final boolean[][] huffDefined = new boolean[2][TABLES];
        private final boolean[][] huffValid = new boolean[2][TABLES];
        private final int[][] huffMaxSymbol = new int[2][TABLES];

        /** SOFn (get_sof, initial_setup): one frame, its length, precision, components and sampling factors. */
        void frame(int marker, byte[] d, ImageLimits limits) {
            if (sof >= 0) {
                throw broken("the JPEG has more than one frame header");
            }
            if (d.length < 6) {
                throw broken("the JPEG frame header is malformed");
            }
            height = u16be(d, 1);
            width = u16be(d, 3);
            limits.checkFrame(width, height);
            sof = marker;
            int precision = d[0] & 0xFF;
            if (isLossless(marker) ? precision < 2 || precision > 16 : precision != 8 && precision != 12) {
                throw broken("the JPEG declares a sample precision of " + precision + " bits");
            }
            int n = d[5] & 0xFF;
            if (n == 0 || n > MAX_COMPONENTS) {
                throw broken("the JPEG frame declares " + n + " components");
            }
            if (d.length != 6 + 3 * n) {
                throw broken("the JPEG frame header has the wrong length");
            }
            ids = new int[n];
            h = new int[n];
            v = new int[n];
            quantTable = new int[n];
            latched = new boolean[n];
            int maxH = 1;
            int maxV = 1;
            for (int i = 0; i < n; i++) {
                ids[i] = d[6 + 3 * i] & 0xFF;
                h[i] = (d[7 + 3 * i] >> 4) & 0x0F;
                v[i] = d[7 + 3 * i] & 0x0F;
                quantTable[i] = d[8 + 3 * i] & 0xFF;
                if (h[i] < 1 || h[i] > MAX_SAMPLING || v[i] < 1 || v[i] > MAX_SAMPLING) {
                    throw broken("the JPEG has a sampling factor outside 1-4");
                }
                maxH = Math.max(maxH, h[i]);
                maxV = Math.max(maxV, v[i]);
            }
            for (int i = 0; i < n; i++) {
                if (maxH % h[i] != 0 || maxV % v[i] != 0) { // jdsample.c: JERR_FRACT_SAMPLE_NOTIMPL
                    throw broken("the JPEG has fractional sampling factors");
                }
            }
        }

        /** DHT (get_dht): class and id in range, at most 256 codes that fit the segment, no bytes left over. */
        void huffman(byte[] d) {
            int p = 0;
            while (d.length - p > 16) {
                int cls = (d[p] & 0xFF) >> 4;
                int id = d[p] & 0x0F;
                p++;
                if (cls > 1 || id >= TABLES) {
                    throw broken("the JPEG defines a Huffman table of class " + cls + " and id " + id);
                }
                int count = 0;
                long code = 0;
                boolean valid = true;
                for (int length = 1; length <= 16; length++) {
                    int codes = d[p + length - 1] & 0xFF;
                    count += codes;
                    // the codes of each length must fit in that many bits, the all-ones code excluded (jdhuff.c)
                    code += codes;
                    if (code >= 1L << length) {
                        valid = false;
                    }
                    code <<= 1;
                }
                p += 16;
                if (count > 256 || count > d.length - p) {
                    throw broken("the JPEG has a Huffman table with more codes than it holds");
                }
                int maxSymbol = 0;
                for (int i = 0; i < count; i++) {
                    maxSymbol = Math.max(maxSymbol, d[p + i] & 0xFF);
                }
                p += count;
                huffDefined[cls][id] = true;
                huffValid[cls][id] = valid;
                huffMaxSymbol[cls][id] = maxSymbol;
            }
            if (p != d.length) {
                throw broken("the JPEG has a Huffman table segment of the wrong length");
            }
        }

        /** DQT (get_dqt): id in range, 64 values of 8 bits (Pq = 0) or of 16 bits (any other Pq), no bytes left over. */
        void quantisation(byte[] d) {
            int p = 0;
            while (p < d.length) {
                int precision = (d[p] & 0xFF) >> 4;
                int id = d[p] & 0x0F;
                p++;
                if (id >= TABLES) {
                    throw broken("the JPEG defines a quantisation table with id " + id);
                }
                int size = precision == 0 ? 64 : 128;
                if (d.length - p < size) {
                    throw broken("the JPEG has a quantisation table segment of the wrong length");
                }
                p += size;
                quantDefined[id] = true;
            }
        }

        /**
         * SOS (get_sos, per_scan_setup, latch_quant_tables, the entropy decoders' start_pass): the components are
         * the frame's, the MCU is not too large, a progressive scan's parameters are consistent, and the
         * quantisation and Huffman tables it uses are defined and valid.
         */
        void scan(byte[] d) {
            int n = d.length > 0 ? d[0] & 0xFF : 0;
            if (n < 1 || n > MAX_COMPS_IN_SCAN || d.length != 1 + 2 * n + 3) {
                throw broken("the JPEG has a malformed scan header");
            }
            int[] components = new int[n];
            int blocks = 0;
            for (int i = 0; i < n; i++) {
                int id = d[1 + 2 * i] & 0xFF;
                int c = indexOf(id);
                if (c < 0) {
                    throw broken("the JPEG scan uses component " + id + ", which the frame does not declare");
                }
                for (int j = 0; j < i; j++) {
                    if (components[j] == c) {
                        throw broken("the JPEG scan names component " + id + " twice");
                    }
                }
                components[i] = c;
                blocks += h[c] * v[c];
            }
            if (n > 1 && blocks > MAX_BLOCKS_IN_MCU) {
                throw broken("the JPEG scan has more than " + MAX_BLOCKS_IN_MCU + " blocks per MCU");
            }
            int ss = d[1 + 2 * n] & 0xFF;
            int se = d[2 + 2 * n] & 0xFF;
            int ah = (d[3 + 2 * n] & 0xFF) >> 4;
            int al = d[3 + 2 * n] & 0x0F;
            boolean progressive = isProgressive(sof);
            if (progressive) { // jdphuff.c / jdarith.c: JERR_BAD_PROGRESSION
                boolean bad = ss == 0 ? se != 0 : ss > se || se > 63 || n != 1;
                if ((ah != 0 && al != ah - 1) || al > 13) {
                    bad = true;
                }
                if (bad) {
                    throw broken("the JPEG has an invalid progressive scan (Ss=" + ss + " Se=" + se + " Ah=" + ah
                            + " Al=" + al + ")");
                }
            }
            if (isLossless(sof)) {
                return; // no quantisation; predictor differences use their own Huffman symbol range
            }
            for (int c : components) {
                if (!latched[c]) {
                    int q = quantTable[c];
                    if (q >= TABLES || !quantDefined[q]) {
                        throw broken("the JPEG uses quantisation table " + q + ", which it does not define");
                    }
                    latched[c] = true;
                }
            }
            if (isArithmetic(sof)) {
                return;
            }
            for (int i = 0; i < n; i++) {
                int tables = d[2 + 2 * i] & 0xFF;
                if (!progressive || (ss == 0 && ah == 0)) {
                    checkHuffman(0, tables >> 4);
                }
                if (!progressive || ss != 0) {
                    checkHuffman(1, tables & 0x0F);
                }
            }
        }

        private void checkHuffman(int cls, int id) {
            String kind = cls == 0 ? "DC" : "AC";
            if (id >= TABLES) {
                throw broken("the JPEG scan uses " + kind + " Huffman table " + id);
            }
            if (!huffDefined[cls][id]) {
                if (id > 1) { // libjpeg only has standard tables for ids 0 and 1
                    throw broken("the JPEG scan uses " + kind + " Huffman table " + id + ", which it does not define");
                }
                return;
            }
            if (!huffValid[cls][id]) {
                throw broken("the JPEG has an invalid " + kind + " Huffman table (more codes than its lengths allow)");
            }
            if (cls == 0 && huffMaxSymbol[cls][id] > 15) {
                throw broken("the JPEG has a DC Huffman table with a symbol above 15");
            }
        }

        private int indexOf(int id) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == id) {
                    return i;
                }
            }
            return -1;
        }
    }

    // --- render-time headers -------------------------------------------------------------------------------

    /** The header facts up to the first scan; a malformed header yields what was found so far. */
    static SourceInfo headers(byte[] b) {
        int width = 0;
        int height = 0;
        int components = 0;
        int precision = 0;
        boolean adobe = false;
        boolean progressive = false;
        Exif.Found found = new Exif.Found();
        byte[][] iccChunks = null;
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xFF) != 0xFF) {
                break;
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                p++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                p += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int len = u16be(b, p + 2);
            int start = p + 4;
            int end = p + 2 + len;
            if (len < 2 || end > b.length) {
                break;
            }
            if (isStartOfFrame(marker) && len >= 8) {
                precision = b[start] & 0xFF;
                height = u16be(b, start + 1);
                width = u16be(b, start + 3);
                components = b[start + 5] & 0xFF;
                progressive = isProgressive(marker);
            } else if (marker == 0xE1 && startsWith(b, start, end, Exif.APP1_PREFIX)) {
                found.exif(Exif.read(b, start + 6, end));
            } else if (marker == 0xE1 && startsWith(b, start, end, "http://ns.adobe.com/xap/1.0/\0")) {
                int off = start + "http://ns.adobe.com/xap/1.0/\0".length();
                found.xmp(new String(b, off, end - off, StandardCharsets.UTF_8));
            } else if (marker == 0xE2 && startsWith(b, start, end, "ICC_PROFILE\0") && end - start > 14) {
                int seq = b[start + 12] & 0xFF;
                int count = b[start + 13] & 0xFF;
                if (count > 0 && seq >= 1 && seq <= count) {
                    if (iccChunks == null || iccChunks.length != count) {
                        iccChunks = new byte[count][];
                    }
                    iccChunks[seq - 1] = Arrays.copyOfRange(b, start + 14, end);
                }
            } else if (marker == 0xEE && startsWith(b, start, end, "Adobe")) {
                adobe = true;
            }
            p = end;
        }
        return new SourceInfo(ImageFormat.JPEG, width, height, found.orientation, joinIcc(iccChunks),
                found.notice(), components, precision, adobe, false, progressive);
    }

    private static byte[] joinIcc(byte[][] chunks) {
        if (chunks == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            if (c == null) {
                return null; // incomplete profile: ignore it
            }
            out.writeBytes(c);
        }
        return out.size() > 128 && out.size() <= MAX_ICC ? out.toByteArray() : null;
    }
}
