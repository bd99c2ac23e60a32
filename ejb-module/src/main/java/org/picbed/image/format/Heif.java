package org.picbed.image.format;

import org.picbed.image.ImageFormat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.picbed.image.format.ByteInput.u8;
import static org.picbed.image.format.ByteInput.u16be;

/**
 * HEIF (ISO/IEC 23008-12) files, HEIC (HEVC) and AVIF (AV1): the upload inspection and the render-time header
 * facts, from the ISOBMFF boxes alone. What is checked before anything is decoded: {@code ftyp} first with a HEIF
 * brand; a {@code meta} box (handler {@code pict}) naming a primary item whose {@code ispe} property declares its
 * size (checked against the limits, rotation by {@code irot} applied); top-level box sizes that add up; and every
 * item extent ({@code iloc}) inside the file, so a truncated file is refused with 422. Image sequences
 * ({@code avis}/{@code msf1}) count by their primary still image, which is what is rendered.
 */
final class Heif {

    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> GENERIC_BRANDS = Set.of("mif1", "msf1");
    /** A meta box holds item tables and properties (an ICC profile at most): more is not a photo. */
    private static final int MAX_META = 8 << 20;

    private Heif() {
    }

    private static UploadRejected malformed(String what) {
        return UploadRejected.undecodable("the HEIF " + what + " is malformed");
    }

    /** HEIC or AVIF when the head is an ftyp box with a HEIF brand (the compatible brands decide for mif1). */
    static ImageFormat sniff(byte[] head) {
        if (head.length < 12 || !ByteInput.startsWith(head, 4, 8, "ftyp")) {
            return null;
        }
        String major = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        if (AVIF_BRANDS.contains(major)) {
            return ImageFormat.AVIF;
        }
        if (HEIC_BRANDS.contains(major)) {
            return ImageFormat.HEIC;
        }
        if (!GENERIC_BRANDS.contains(major)) {
            return null;
        }
        long size = ByteInput.u32(head, 0, false);
        int end = (int) Math.min(head.length, Math.max(16, size));
        for (int p = 16; p + 4 <= end; p += 4) {
            String brand = new String(head, p, 4, StandardCharsets.ISO_8859_1);
            if (AVIF_BRANDS.contains(brand)) {
                return ImageFormat.AVIF;
            }
        }
        return ImageFormat.HEIC;
    }

    // --- upload ---------------------------------------------------------------------------------------------

    static ImageInfo inspect(ByteInput in, ImageFormat format, ImageLimits limits) throws IOException {
        long offset = 0;
        Primary primary = null;
        long extentsEnd = 0;
        boolean first = true;
        while (true) {
            byte[] header = in.peek(8);
            if (header.length == 0 && !first) {
                break;
            }
            if (header.length < 8) {
                throw new EOFException();
            }
            in.skip(8);
            long size = ByteInput.u32(header, 0, false);
            String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
            long headerSize = 8;
            if (size == 1) {
                size = in.u32() << 32 | in.u32();
                headerSize = 16;
            }
            if (first && !type.equals("ftyp")) {
                throw malformed("file type box");
            }
            first = false;
            if (size == 0) { // the last box, to the end of the file
                if (primary == null) {
                    throw malformed("container (no item information before the media data)");
                }
                in.skip(Math.max(0, extentsEnd - offset - headerSize));
                offset = Math.max(offset + headerSize, extentsEnd);
                break;
            }
            if (size < headerSize) {
                throw malformed("container");
            }
            long body = size - headerSize;
            if (type.equals("meta")) {
                if (primary != null) {
                    throw malformed("container (two meta boxes)");
                }
                if (body > MAX_META) {
                    throw malformed("item information (meta box over " + (MAX_META >> 20) + " MB)");
                }
                byte[] meta = in.bytes((int) body);
                primary = Meta.parse(meta).primary();
                limits.checkFrame(primary.width, primary.height);
                extentsEnd = primary.extentsEnd;
            } else {
                in.skip(body);
            }
            offset += size;
        }
        if (primary == null) {
            throw malformed("container (no still image: a meta box with a primary item is required)");
        }
        if (offset < extentsEnd) {
            throw new EOFException();
        }
        return new ImageInfo(format, primary.orientedWidth(), primary.orientedHeight(), 1);
    }

    // --- headers --------------------------------------------------------------------------------------------

    /** The primary image's size (oriented: libheif applies the rotation when decoding), ICC profile and alpha. */
    static SourceInfo headers(byte[] b, ImageFormat format) {
        try {
            int p = 0;
            while (p + 8 <= b.length) {
                long size = ByteInput.u32(b, p, false);
                String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
                int headerSize = 8;
                if (size == 1) {
                    size = ByteInput.u32(b, p + 8, false) << 32 | ByteInput.u32(b, p + 12, false);
                    headerSize = 16;
                } else if (size == 0) {
                    size = b.length - p;
                }
                if (size < headerSize) {
                    break;
                }
                if (type.equals("meta")) {
                    int end = (int) Math.min(b.length, p + size);
                    Primary m = Meta.parse(java.util.Arrays.copyOfRange(b, p + headerSize, end)).primary();
                    return new SourceInfo(format, m.orientedWidth(), m.orientedHeight(), 1, m.icc, null, 0, 0,
                            false, m.alpha, false);
                }
                p += (int) Math.min(size, Integer.MAX_VALUE - p);
            }
        } catch (RuntimeException e) { // UploadRejected included
            // lenient: what was found so far
        }
        return SourceInfo.plain(format, 0, 0, false);
    }

    // --- the meta box -----------------------------------------------------------------------------------------

    /** What the primary item is: its declared size, rotation, ICC profile, and where the file's items end. */
    record Primary(int width, int height, int rotation, byte[] icc, boolean alpha, long extentsEnd) {

        int orientedWidth() {
            return rotation % 2 == 1 ? height : width;
        }

        int orientedHeight() {
            return rotation % 2 == 1 ? width : height;
        }
    }

    /** One box in a byte array: its type and body range. */
    private record Box(String type, int start, int end) {
    }

    private static List<Box> children(byte[] b, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int p = from;
        while (p < to) {
            if (to - p < 8) {
                throw malformed("item information");
            }
            long size = ByteInput.u32(b, p, false);
            String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                long large = ByteInput.u32(b, p + 8, false) << 32 | ByteInput.u32(b, p + 12, false);
                size = large;
                header = 16;
            } else if (size == 0) {
                size = to - p;
            }
            if (size < header || size > to - p) {
                throw malformed("item information");
            }
            boxes.add(new Box(type, p + header, p + (int) size));
            p += (int) size;
        }
        return boxes;
    }

    private static Box find(List<Box> boxes, String type) {
        return boxes.stream().filter(x -> x.type.equals(type)).findFirst().orElse(null);
    }

    /** The meta box's body (a FullBox: version and flags, then children). */
    private record Meta(byte[] b, List<Box> boxes) {

        static Meta parse(byte[] body) {
            if (body.length < 4) {
                throw malformed("item information");
            }
            return new Meta(body, children(body, 4, body.length));
        }

        Primary primary() {
            Box hdlr = find(boxes, "hdlr");
            if (hdlr == null || !ByteInput.startsWith(b, hdlr.start + 8, hdlr.end, "pict")) {
                throw malformed("item information (no picture handler)");
            }
            Box pitm = find(boxes, "pitm");
            if (pitm == null) {
                throw malformed("item information (no primary item)");
            }
            long primaryId = u8(b, pitm.start) == 0 ? u16be(b, pitm.start + 4) : ByteInput.u32(b, pitm.start + 4, false);
            Box iprp = find(boxes, "iprp");
            if (iprp == null) {
                throw malformed("item properties");
            }
            List<Box> props = children(b, iprp.start, iprp.end);
            Box ipco = find(props, "ipco");
            List<Box> properties = ipco == null ? List.of() : children(b, ipco.start, ipco.end);
            int width = 0;
            int height = 0;
            int rotation = 0;
            byte[] icc = null;
            for (int index : associations(props, primaryId)) {
                if (index < 1 || index > properties.size()) {
                    throw malformed("item properties");
                }
                Box p = properties.get(index - 1);
                switch (p.type) {
                    case "ispe" -> {
                        width = (int) Math.min(Integer.MAX_VALUE, ByteInput.u32(b, p.start + 4, false));
                        height = (int) Math.min(Integer.MAX_VALUE, ByteInput.u32(b, p.start + 8, false));
                    }
                    case "irot" -> rotation = u8(b, p.start) & 3;
                    case "colr" -> {
                        if (ByteInput.startsWith(b, p.start, p.end, "prof")
                                || ByteInput.startsWith(b, p.start, p.end, "rICC")) {
                            icc = java.util.Arrays.copyOfRange(b, p.start + 4, p.end);
                        }
                    }
                    default -> {
                        // pixi, hvcC/av1C, clap, imir...: the decoder's business
                    }
                }
            }
            if (width <= 0 || height <= 0) {
                throw malformed("primary item (no declared size)");
            }
            boolean alpha = false;
            for (Box p : properties) {
                if (p.type.equals("auxC") && new String(b, p.start + 4, Math.max(0, p.end - p.start - 4),
                        StandardCharsets.ISO_8859_1).contains("alpha")) {
                    alpha = true;
                }
            }
            return new Primary(width, height, rotation, icc, alpha, extentsEnd());
        }

        /** The property indices (1-based) associated with an item. */
        private List<Integer> associations(List<Box> props, long itemId) {
            List<Integer> found = new ArrayList<>();
            for (Box ipma : props) {
                if (!ipma.type.equals("ipma")) {
                    continue;
                }
                int version = u8(b, ipma.start);
                boolean wide = (u8(b, ipma.start + 3) & 1) != 0;
                int p = ipma.start + 4;
                long entries = ByteInput.u32(b, p, false);
                p += 4;
                for (long e = 0; e < entries; e++) {
                    long id = version < 1 ? u16be(b, p) : ByteInput.u32(b, p, false);
                    p += version < 1 ? 2 : 4;
                    int count = u8(b, p++);
                    for (int i = 0; i < count; i++) {
                        int index = wide ? u16be(b, p) & 0x7FFF : u8(b, p) & 0x7F;
                        p += wide ? 2 : 1;
                        if (id == itemId) {
                            found.add(index);
                        }
                    }
                    if (p > ipma.end) {
                        throw malformed("item properties");
                    }
                }
            }
            return found;
        }

        /** Where the last item extent stored in the file (construction method 0) ends; 0 when none is. */
        private long extentsEnd() {
            Box iloc = find(boxes, "iloc");
            if (iloc == null) {
                throw malformed("item locations");
            }
            int version = u8(b, iloc.start);
            int p = iloc.start + 4;
            int sizes = u16be(b, p);
            p += 2;
            int offsetSize = sizes >> 12 & 0xF;
            int lengthSize = sizes >> 8 & 0xF;
            int baseSize = sizes >> 4 & 0xF;
            int indexSize = version >= 1 ? sizes & 0xF : 0;
            long items = version < 2 ? u16be(b, p) : ByteInput.u32(b, p, false);
            p += version < 2 ? 2 : 4;
            long end = 0;
            for (long i = 0; i < items; i++) {
                p += version < 2 ? 2 : 4; // item id
                int method = 0;
                if (version >= 1) {
                    method = u16be(b, p) & 0xF;
                    p += 2;
                }
                p += 2; // data reference index
                long base = number(p, baseSize);
                p += baseSize;
                int extents = u16be(b, p);
                p += 2;
                for (int x = 0; x < extents; x++) {
                    p += indexSize;
                    long offset = number(p, offsetSize);
                    p += offsetSize;
                    long length = number(p, lengthSize);
                    p += lengthSize;
                    if (p > iloc.end) {
                        throw malformed("item locations");
                    }
                    if (method == 0) {
                        end = Math.max(end, base + offset + length);
                    }
                }
                if (p > iloc.end) {
                    throw malformed("item locations");
                }
            }
            return end;
        }

        private long number(int p, int size) {
            return switch (size) {
                case 0 -> 0;
                case 4 -> ByteInput.u32(b, p, false);
                case 8 -> ByteInput.u32(b, p, false) << 32 | ByteInput.u32(b, p + 4, false);
                default -> throw malformed("item locations");
            };
        }
    }
}
