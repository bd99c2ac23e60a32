package org.picbed.image.format;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.picbed.image.format.ByteInput.u16;
import static org.picbed.image.format.ByteInput.u32;

/**
 * The one EXIF (TIFF structure) reader, for JPEG APP1, PNG eXIf and WebP EXIF alike: Orientation (0x0112) and
 * Copyright (0x8298) of IFD0, plus the XMP dc:rights fallback and the cleaning of notices. Every read is
 * bounds-checked; a hostile structure yields orientation 0 (unknown) and no copyright, never an exception.
 *
 * @param orientation the Orientation tag (a SHORT), 0 when absent or unreadable
 * @param copyright   the cleaned Copyright notice, or null
 */
record Exif(int orientation, String copyright) {

    static final Exif NONE = new Exif(0, null);
    static final String APP1_PREFIX = "Exif\0\0";
    private static final int MAX_COPYRIGHT = 2000;
    private static final Pattern XMP_RIGHTS = Pattern.compile(
            "<dc:rights[^>]*>.*?<rdf:li[^>]*>(.*?)</rdf:li>", Pattern.DOTALL);
    private static final Pattern XMP_RIGHTS_ATTR = Pattern.compile("dc:rights=\"([^\"]*)\"");

    /** The orientation when it is one of the eight defined values. */
    boolean hasOrientation() {
        return orientation >= 1 && orientation <= 8;
    }

    /** Orientation and Copyright from IFD0 of a TIFF structure in b[start, end). */
    static Exif read(byte[] b, int start, int end) {
        if (start < 0 || end > b.length || end - start < 8) {
            return NONE;
        }
        boolean le;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            le = true;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            le = false;
        } else {
            return NONE;
        }
        if (u16(b, start + 2, le) != 42) {
            return NONE;
        }
        long ifd = u32(b, start + 4, le);
        if (ifd < 8 || start + ifd + 2 > end) {
            return NONE;
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

    /** A JPEG APP1 payload b[start, end): the TIFF structure after "Exif\0\0", or {@link #NONE}. */
    static Exif app1(byte[] b, int start, int end) {
        return ByteInput.startsWith(b, start, end, APP1_PREFIX) ? read(b, start + 6, end) : NONE;
    }

    /** EXIF Copyright is "photographer\0editor\0"; keep the non-empty parts, joined, and drop control characters. */
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

    /** The dc:rights of an XMP packet, cleaned, or null. */
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

    /**
     * What an image's metadata blocks say for rendering, gathered block by block in file order: the orientation
     * and the copyright notice (from EXIF or a text chunk; XMP rights only when there is neither).
     */
    static final class Found {
        int orientation = 1;
        String copyright;
        private String xmpRights;

        void exif(Exif exif) {
            if (exif.hasOrientation()) {
                orientation = exif.orientation();
            }
            if (exif.copyright() != null) {
                copyright = exif.copyright();
            }
        }

        void xmp(String xmp) {
            xmpRights = xmpRights(xmp);
        }

        String notice() {
            return copyright != null ? copyright : xmpRights;
        }
    }
}
