package org.picbed.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The hostile and unusual uploads of ../shared/corpus/bad (copied into test resources) with their manifest. */
public final class Corpus {

    private Corpus() {
    }

    /** One manifest row: file, expected status ("2xx", "415", "a|b"), multipart file name, declared type. */
    public record Sample(String file, String expected, String filename, String contentType) {

        public boolean accepts(int status) {
            for (String option : expected.split("\\|")) {
                if (option.equals("2xx") ? status >= 200 && status < 300 : option.equals(String.valueOf(status))) {
                    return true;
                }
            }
            return false;
        }

        public boolean expectsSuccess() {
            return expected.equals("2xx");
        }

        public byte[] bytes() {
            return Corpus.bytes(file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    public static List<Sample> manifest() {
        String tsv = new String(bytes("manifest.tsv"), StandardCharsets.UTF_8);
        List<Sample> samples = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length < 7 || cols[0].equals("file")) {
                continue;
            }
            samples.add(new Sample(cols[0], cols[4], unquote(cols[5]), cols[6].trim()));
        }
        return samples;
    }

    public static byte[] bytes(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/bad/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid JPEG never uploaded before: the baseline JPEG with random bytes after its end marker. */
    public static byte[] uniqueJpeg() {
        byte[] base = bytes("ok_baseline.jpg");
        byte[] tail = new byte[16];
        ThreadLocalRandom.current().nextBytes(tail);
        byte[] out = new byte[base.length + tail.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(tail, 0, out, base.length, tail.length);
        return out;
    }

    /** A photo-like JPEG of this size (gradients plus noise), different on every call: a new image id each time. */
    public static byte[] photo(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(16)) & 0xff;
                int g = (y * 255 / height + random.nextInt(16)) & 0xff;
                int b = ((x + y) * 127 / (width + height) + random.nextInt(16)) & 0xff;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The lowercase hex SHA-256 of the bytes: what picbed's id of them must be. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes the JSON string of the manifest's file-name column (\\uXXXX escapes). */
    private static String unquote(String json) {
        String s = json.trim();
        s = s.substring(1, s.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '0' -> out.append('\0');
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
