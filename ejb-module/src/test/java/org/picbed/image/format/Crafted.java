package org.picbed.image.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Broken files built from valid small ones by byte surgery, one defect each, and the reference decoders that
 * say whether a defect is fatal (djpeg of libjpeg-turbo when installed: exit 1 = fatal error, 0 or 2 = decoded,
 * 2 meaning with warnings).
 */
final class Crafted {

    private Crafted() {
    }

    static byte[] corpus(String name) {
        try {
            return HeadersTest.corpus(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- JPEG -----------------------------------------------------------------------------------------------

    /** One marker segment: its code and payload (without the length bytes). */
    record Segment(int marker, byte[] payload) {
    }

    /** A JPEG cut into its segments up to and including the first SOS, and the bytes after that SOS header. */
    static final class Jpeg {
        final List<Segment> segments = new ArrayList<>();
        byte[] tail;

        static Jpeg of(String corpusFile) {
            return of(corpus(corpusFile));
        }

        static Jpeg of(byte[] b) {
            Jpeg j = new Jpeg();
            int p = 2;
            while (true) {
                int marker = b[p + 1] & 0xFF;
                int len = (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
                j.segments.add(new Segment(marker, Arrays.copyOfRange(b, p + 4, p + 2 + len)));
                p += 2 + len;
                if (marker == 0xDA) {
                    j.tail = Arrays.copyOfRange(b, p, b.length);
                    return j;
                }
            }
        }

        int index(int marker, int nth) {
            int seen = 0;
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).marker() == marker && seen++ == nth) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no segment " + Integer.toHexString(marker) + " #" + nth);
        }

        /** A copy of the payload of the nth segment with this marker. */
        byte[] payload(int marker, int nth) {
            return segments.get(index(marker, nth)).payload().clone();
        }

        Jpeg set(int marker, int nth, byte[] payload) {
            segments.set(index(marker, nth), new Segment(marker, payload));
            return this;
        }

        /** Sets one byte of the nth segment with this marker. */
        Jpeg poke(int marker, int nth, int at, int value) {
            byte[] p = payload(marker, nth);
            p[at] = (byte) value;
            return set(marker, nth, p);
        }

        Jpeg removeAll(int marker) {
            segments.removeIf(s -> s.marker() == marker);
            return this;
        }

        Jpeg insertBefore(int marker, int nth, Segment s) {
            segments.add(index(marker, nth), s);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0xFF);
            out.write(0xD8);
            for (Segment s : segments) {
                out.write(0xFF);
                out.write(s.marker());
                out.write((s.payload().length + 2) >> 8);
                out.write((s.payload().length + 2) & 0xFF);
                out.writeBytes(s.payload());
            }
            out.writeBytes(tail);
            return out.toByteArray();
        }
    }

    /** A DHT payload holding one table: class (0 DC, 1 AC), id, the code counts per length 1-16, the symbols. */
    static byte[] dht(int tableClass, int id, int[] counts, int... symbols) {
        byte[] d = new byte[17 + symbols.length];
        d[0] = (byte) (tableClass << 4 | id);
        for (int i = 0; i < counts.length; i++) {
            d[1 + i] = (byte) counts[i];
        }
        for (int i = 0; i < symbols.length; i++) {
            d[17 + i] = (byte) symbols[i];
        }
        return d;
    }

    /** The baseline JPEG whose DC table 0 has three codes of length 1 (more than one bit can tell apart). */
    static byte[] jpegWithBadHuffmanTable() {
        return Jpeg.of("ok_baseline.jpg").set(0xC4, 0, dht(0, 0, new int[] {3}, 0, 1, 2)).bytes();
    }

    /** djpeg's exit status for these bytes (1 = refused), or empty when djpeg is not installed. */
    static OptionalInt djpeg(byte[] jpeg) {
        Path djpeg = Path.of("/usr/bin/djpeg");
        if (!Files.isExecutable(djpeg)) {
            return OptionalInt.empty();
        }
        try {
            Path in = Files.createTempFile("crafted", ".jpg");
            try {
                Files.write(in, jpeg);
                Process p = new ProcessBuilder(djpeg.toString(), "-outfile", "/dev/null", in.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("djpeg hangs");
                }
                return OptionalInt.of(p.exitValue());
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- PNG ------------------------------------------------------------------------------------------------

    /** A PNG's chunks: type and data; written back with correct lengths and CRCs. */
    static final class Png {
        final List<String> types = new ArrayList<>();
        final List<byte[]> data = new ArrayList<>();

        static Png of(String corpusFile) {
            byte[] b = corpus(corpusFile);
            Png png = new Png();
            int p = 8;
            while (p + 12 <= b.length) {
                int len = (int) ByteInput.u32(b, p, false);
                png.types.add(new String(b, p + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
                png.data.add(Arrays.copyOfRange(b, p + 8, p + 8 + len));
                p += 12 + len;
            }
            return png;
        }

        int index(String type) {
            int i = types.indexOf(type);
            if (i < 0) {
                throw new IllegalArgumentException("no chunk " + type);
            }
            return i;
        }

        /** Sets byte {@code at} of the IHDR data (8 depth, 9 colour type, 10 compression, 11 filter, 12 interlace). */
        Png header(int at, int value) {
            data.get(0)[at] = (byte) value;
            return this;
        }

        Png remove(String type) {
            int i = index(type);
            types.remove(i);
            data.remove(i);
            return this;
        }

        Png insertBefore(String before, String type, byte[] bytes) {
            int i = index(before);
            types.add(i, type);
            data.add(i, bytes);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            for (int i = 0; i < types.size(); i++) {
                byte[] d = data.get(i);
                byte[] type = types.get(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                writeU32(out, d.length);
                out.writeBytes(type);
                out.writeBytes(d);
                CRC32 crc = new CRC32();
                crc.update(type);
                crc.update(d);
                writeU32(out, crc.getValue());
            }
            return out.toByteArray();
        }

        private static void writeU32(ByteArrayOutputStream out, long v) {
            out.write((int) (v >> 24) & 0xFF);
            out.write((int) (v >> 16) & 0xFF);
            out.write((int) (v >> 8) & 0xFF);
            out.write((int) v & 0xFF);
        }
    }
}
