package org.picbed.variant.render;

import org.picbed.image.ImageFormat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the few header facts the renderer needs straight from the container (no decoder): dimensions, EXIF
 * orientation, the ICC profile and a copyright notice, from JPEG markers, PNG chunks and WebP RIFF chunks. Every
 * read is bounds-checked; a malformed header yields what was found so far (the decoder has the last word).
 */
final class SourceMetadata {

    private static final int MAX_ICC = 4 << 20;
    private static final int MAX_COPYRIGHT = 2000;
    private static final Pattern XMP_RIGHTS = Pattern.compile(
            "<dc:rights[^>]*>.*?<rdf:li[^>]*>(.*?)</rdf:li>", Pattern.DOTALL);
    private static final Pattern XMP_RIGHTS_ATTR = Pattern.compile("dc:rights=\"([^\"]*)\"");

    private SourceMetadata() {
    }

    static SourceInfo read(byte[] src, ImageFormat format) {
        return switch (format) {
            case JPEG -> jpeg(src);
            case PNG -> png(src);
            case WEBP -> webp(src);
            case GIF -> new SourceInfo(format, u16le(src, 6), u16le(src, 8), 1, null, null, 0, 0, false);
            default -> new SourceInfo(format, 0, 0, 1, null, null, 0, 0, false);
        };
    }

    // --- JPEG ---------------------------------------------------------------------------------------------

    static SourceInfo jpeg(byte[] b) {
        int width = 0;
        int height = 0;
        int components = 0;
        int precision = 0;
        int orientation = 1;
        boolean adobe = false;
        String copyright = null;
        String xmpRights = null;
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
            if (isSof(marker) && len >= 8) {
                precision = b[start] & 0xFF;
                height = u16be(b, start + 1);
                width = u16be(b, start + 3);
                components = b[start + 5] & 0xFF;
            } else if (marker == 0xE1 && startsWith(b, start, end, "Exif\0\0")) {
                Exif exif = exif(b, start + 6, end);
                if (exif.orientation >= 1 && exif.orientation <= 8) {
                    orientation = exif.orientation;
                }
                if (exif.copyright != null) {
                    copyright = exif.copyright;
                }
            } else if (marker == 0xE1 && startsWith(b, start, end, "http://ns.adobe.com/xap/1.0/\0")) {
                int off = start + "http://ns.adobe.com/xap/1.0/\0".length();
                xmpRights = xmpRights(new String(b, off, end - off, StandardCharsets.UTF_8));
            } else if (marker == 0xE2 && startsWith(b, start, end, "ICC_PROFILE\0") && end - start > 14) {
                int seq = b[start + 12] & 0xFF;
                int count = b[start + 13] & 0xFF;
                if (count > 0 && seq >= 1 && seq <= count) {
                    if (iccChunks == null || iccChunks.length != count) {
                        iccChunks = new byte[count][];
                    }
                    iccChunks[seq - 1] = java.util.Arrays.copyOfRange(b, start + 14, end);
                }
            } else if (marker == 0xEE && startsWith(b, start, end, "Adobe")) {
                adobe = true;
            }
            p = end;
        }
        return new SourceInfo(ImageFormat.JPEG, width, height, orientation, joinIcc(iccChunks),
                copyright != null ? copyright : xmpRights, components, precision, adobe);
    }

    private static boolean isSof(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
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

    // --- EXIF (TIFF structure) -----------------------------------------------------------------------------

    record Exif(int orientation, String copyright) {
    }

    /** Orientation (0x0112) and Copyright (0x8298) from IFD0 of a TIFF structure in b[start, end). */
    static Exif exif(byte[] b, int start, int end) {
        if (end - start < 8) {
            return new Exif(0, null);
        }
        boolean le;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            le = true;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            le = false;
        } else {
            return new Exif(0, null);
        }
        if (u16(b, start + 2, le) != 42) {
            return new Exif(0, null);
        }
        long ifd = u32(b, start + 4, le);
        if (ifd < 8 || start + ifd + 2 > end) {
            return new Exif(0, null);
        }
        int p = (int) (start + ifd);
        int n = u16(b, p, le);
        p += 2;
        int orientation = 0;
        String copyright = null;
        for (int i = 0; i < n && p + 12 <= end; i++, p += 12) {
            int tag = u16(b, p, le);
            int type = u16(b, p + 2, le);
            long count = u32(b, p + 4, le);
            if (tag == 0x0112 && type == 3) {
                orientation = u16(b, p + 8, le);
            } else if (tag == 0x8298 && type == 2 && count > 0 && count < 65536) {
                int off = count <= 4 ? p + 8 : (int) Math.min(Integer.MAX_VALUE, start + u32(b, p + 8, le));
                if (off >= start && off + count <= end) {
                    copyright = clean(new String(b, off, (int) count, StandardCharsets.UTF_8));
                }
            }
        }
        return new Exif(orientation, copyright);
    }

    /**
     * EXIF Copyright is "photographer\0editor\0"; keep the non-empty parts, joined, and drop control characters.
     */
    static String clean(String s) {
        StringBuilder out = new StringBuilder();
        for (String part : s.split("\0")) {
            String t = part.replaceAll("[\\p{Cntrl}&&[^\\t]]", "").trim();
            if (!t.isEmpty()) {
                if (out.length() > 0) {
                    out.append("; ");
                }
                out.append(t);
            }
        }
        if (out.length() == 0) {
            return null;
        }
        return out.length() > MAX_COPYRIGHT ? out.substring(0, MAX_COPYRIGHT) : out.toString();
    }

    static String xmpRights(String xmp) {
        Matcher m = XMP_RIGHTS.matcher(xmp);
        String value = m.find() ? m.group(1) : null;
        if (value == null) {
            Matcher a = XMP_RIGHTS_ATTR.matcher(xmp);
            value = a.find() ? a.group(1) : null;
        }
        if (value == null) {
            return null;
        }
        value = value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#169;", "\u00a9").replace("&amp;", "&");
        return clean(value);
    }

    // --- PNG --------------------------------------------------------------------------------------------

    static SourceInfo png(byte[] b) {
        int width = 0;
        int height = 0;
        int orientation = 1;
        byte[] icc = null;
        String copyright = null;
        String xmpRights = null;
        int p = 8;
        while (p + 12 <= b.length) {
            long len = u32(b, p, false);
            if (len > b.length - p - 12) {
                break;
            }
            int n = (int) len;
            int d = p + 8;
            String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
            switch (type) {
                case "IHDR" -> {
                    if (n >= 8) {
                        width = (int) Math.min(Integer.MAX_VALUE, u32(b, d, false));
                        height = (int) Math.min(Integer.MAX_VALUE, u32(b, d + 4, false));
                    }
                }
                case "eXIf" -> {
                    Exif exif = exif(b, d, d + n);
                    if (exif.orientation >= 1 && exif.orientation <= 8) {
                        orientation = exif.orientation;
                    }
                    if (exif.copyright != null) {
                        copyright = exif.copyright;
                    }
                }
                case "iCCP" -> {
                    int z = nul(b, d, d + n);
                    if (z > 0 && z + 2 <= d + n) {
                        icc = inflate(b, z + 2, d + n - z - 2, MAX_ICC);
                    }
                }
                case "tEXt" -> {
                    int z = nul(b, d, d + n);
                    if (z > 0 && "Copyright".equals(new String(b, d, z - d, StandardCharsets.ISO_8859_1))) {
                        copyright = clean(new String(b, z + 1, d + n - z - 1, StandardCharsets.ISO_8859_1));
                    }
                }
                case "iTXt" -> {
                    int z = nul(b, d, d + n);
                    if (z > 0 && z + 3 <= d + n && b[z + 1] == 0) { // uncompressed only
                        String key = new String(b, d, z - d, StandardCharsets.ISO_8859_1);
                        int lang = nul(b, z + 3, d + n);
                        int tk = lang < 0 ? -1 : nul(b, lang + 1, d + n);
                        if (tk > 0) {
                            String text = new String(b, tk + 1, d + n - tk - 1, StandardCharsets.UTF_8);
                            if (key.equals("Copyright")) {
                                copyright = clean(text);
                            } else if (key.equals("XML:com.adobe.xmp")) {
                                xmpRights = xmpRights(text);
                            }
                        }
                    }
                }
                case "IDAT", "IEND" -> {
                    return new SourceInfo(ImageFormat.PNG, width, height, orientation, icc,
                            copyright != null ? copyright : xmpRights, 0, 0, false);
                }
                default -> {
                }
            }
            p += 12 + n;
        }
        return new SourceInfo(ImageFormat.PNG, width, height, orientation, icc,
                copyright != null ? copyright : xmpRights, 0, 0, false);
    }

    private static int nul(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] inflate(byte[] b, int off, int len, int max) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(b, off, len);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished() && out.size() <= max) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return inf.finished() && out.size() <= max ? out.toByteArray() : null;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }

    // --- WebP -------------------------------------------------------------------------------------------

    static SourceInfo webp(byte[] b) {
        int width = 0;
        int height = 0;
        int orientation = 1;
        byte[] icc = null;
        String copyright = null;
        String xmpRights = null;
        int p = 12;
        while (p + 8 <= b.length) {
            long len = u32(b, p + 4, true);
            if (len > b.length - p - 8) {
                len = b.length - p - 8; // tolerate a short last chunk
            }
            int n = (int) len;
            int d = p + 8;
            String type = new String(b, p, 4, StandardCharsets.ISO_8859_1);
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
                case "ICCP" -> icc = n > 128 && n <= MAX_ICC ? java.util.Arrays.copyOfRange(b, d, d + n) : null;
                case "EXIF" -> {
                    int off = startsWith(b, d, d + n, "Exif\0\0") ? d + 6 : d;
                    Exif exif = exif(b, off, d + n);
                    if (exif.orientation >= 1 && exif.orientation <= 8) {
                        orientation = exif.orientation;
                    }
                    if (exif.copyright != null) {
                        copyright = exif.copyright;
                    }
                }
                case "XMP " -> xmpRights = xmpRights(new String(b, d, n, StandardCharsets.UTF_8));
                default -> {
                }
            }
            p = d + n + (n & 1);
        }
        return new SourceInfo(ImageFormat.WEBP, width, height, orientation, icc,
                copyright != null ? copyright : xmpRights, 0, 0, false);
    }

    // --- bytes ------------------------------------------------------------------------------------------

    private static boolean startsWith(byte[] b, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[start + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int u16be(byte[] b, int p) {
        return p + 2 <= b.length ? (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF) : 0;
    }

    static int u16le(byte[] b, int p) {
        return p + 2 <= b.length ? (b[p + 1] & 0xFF) << 8 | (b[p] & 0xFF) : 0;
    }

    private static int u24le(byte[] b, int p) {
        return p + 3 <= b.length ? (b[p + 2] & 0xFF) << 16 | (b[p + 1] & 0xFF) << 8 | (b[p] & 0xFF) : 0;
    }

    private static int u16(byte[] b, int p, boolean le) {
        return le ? u16le(b, p) : u16be(b, p);
    }

    private static long u32(byte[] b, int p, boolean le) {
        if (p < 0 || p + 4 > b.length) {
            return 0;
        }
        long v = le
                ? (b[p + 3] & 0xFFL) << 24 | (b[p + 2] & 0xFF) << 16 | (b[p + 1] & 0xFF) << 8 | (b[p] & 0xFF)
                : (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        return v;
    }
}
