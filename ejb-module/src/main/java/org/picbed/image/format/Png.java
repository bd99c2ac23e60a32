package org.picbed.image.format;

import org.picbed.image.ImageFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.picbed.image.format.ByteInput.u32;

/**
 * PNG (and APNG): the upload inspection (chunk lengths and CRCs, the header, the palette, image data, the end
 * chunk) and the render-time header facts. What is refused is what libpng and ImageIO's PNG reader refuse.
 */
final class Png {

    private static final int MAX_ICC = 4 << 20;

    private Png() {
    }

    // --- upload ---------------------------------------------------------------------------------------------

    static ImageInfo inspect(ByteInput in, ImageLimits limits) throws IOException {
        in.skip(8);
        int width = 0;
        int height = 0;
        int colourType = -1;
        int frames = 0;
        long totalPixels = 0;
        boolean sawPalette = false;
        boolean sawData = false;
        boolean first = true;
        CRC32 crc = new CRC32();
        while (true) {
            long length = in.u32();
            if (length > Integer.MAX_VALUE) {
                throw UploadRejected.undecodable("the PNG has a malformed chunk");
            }
            byte[] type = in.bytes(4);
            String name = new String(type, StandardCharsets.US_ASCII);
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
                    width = (int) u32(data, 0, false);
                    height = (int) u32(data, 4, false);
                    if (u32(data, 0, false) > Integer.MAX_VALUE || u32(data, 4, false) > Integer.MAX_VALUE) {
                        throw UploadRejected.tooLarge("dimensions_exceeded", "the PNG declares dimensions beyond any limit");
                    }
                    limits.checkFrame(width, height);
                    colourType = data[9] & 0xFF;
                    checkHeader(data[8] & 0xFF, colourType, data[10] & 0xFF, data[11] & 0xFF, data[12] & 0xFF);
                } else if (name.equals("acTL") && length >= 8) {
                    long declared = u32(data, 0, false);
                    limits.checkAnimation((int) Math.min(declared, Integer.MAX_VALUE), 0);
                } else if (name.equals("fcTL") && length >= 12) {
                    int fw = (int) u32(data, 4, false);
                    int fh = (int) u32(data, 8, false);
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
            switch (name) {
                case "PLTE" -> { // fatal for libpng and ImageIO; an odd palette length only for libpng: accepted
                    if (sawPalette) {
                        throw UploadRejected.undecodable("the PNG has two palettes");
                    }
                    sawPalette = true;
                }
                case "IDAT" -> {
                    if (colourType == 3 && !sawPalette) {
                        throw UploadRejected.undecodable("the PNG palette image has no palette before its data");
                    }
                    sawData = true;
                }
                case "IEND" -> {
                    if (!sawData) {
                        throw UploadRejected.undecodable("the PNG has no image data");
                    }
                    return new ImageInfo(ImageFormat.PNG, width, height, Math.max(frames, 1));
                }
                default -> {
                }
            }
        }
    }

    /** IHDR (png_check_IHDR, ImageIO's PNGImageReader): bit depth allowed for the colour type, methods 0, interlace 0-1. */
    static void checkHeader(int depth, int colourType, int compression, int filter, int interlace) {
        boolean valid = switch (colourType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
        if (!valid) {
            throw UploadRejected.undecodable("the PNG header declares colour type " + colourType + " with bit depth "
                    + depth + ", which is not a valid combination");
        }
        if (compression != 0 || filter != 0 || interlace > 1) {
            throw UploadRejected.undecodable("the PNG header declares an unknown compression, filter or interlace method");
        }
    }

    // --- render-time headers -------------------------------------------------------------------------------

    /** The header facts up to the image data; works on the first bytes alone (the colour type is at byte 25). */
    static SourceInfo headers(byte[] b) {
        int width = 0;
        int height = 0;
        boolean alpha = false;
        byte[] icc = null;
        Exif.Found found = new Exif.Found();
        int p = 8;
        while (p + 8 <= b.length) {
            long len = u32(b, p, false);
            int d = p + 8;
            int n = (int) Math.min(len, b.length - d);
            String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
            boolean complete = len <= b.length - d - 4L; // with its CRC
            if (!complete && !type.equals("IHDR")) { // of a cut chunk only the header's fixed fields are read
                break;
            }
            switch (type) {
                case "IHDR" -> {
                    if (n >= 8) {
                        width = (int) Math.min(Integer.MAX_VALUE, u32(b, d, false));
                        height = (int) Math.min(Integer.MAX_VALUE, u32(b, d + 4, false));
                    }
                    if (n >= 10) {
                        int colourType = b[d + 9];
                        alpha = colourType == 3 || colourType == 4 || colourType == 6;
                    }
                }
                case "eXIf" -> found.exif(Exif.read(b, d, d + n));
                case "iCCP" -> {
                    int z = nul(b, d, d + n);
                    if (z > 0 && z + 2 <= d + n) {
                        icc = inflate(b, z + 2, d + n - z - 2, MAX_ICC);
                    }
                }
                case "tEXt" -> {
                    int z = nul(b, d, d + n);
                    if (z > 0 && "Copyright".equals(new String(b, d, z - d, StandardCharsets.ISO_8859_1))) {
                        found.copyright = Exif.clean(new String(b, z + 1, d + n - z - 1, StandardCharsets.ISO_8859_1));
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
                                found.copyright = Exif.clean(text);
                            } else if (key.equals("XML:com.adobe.xmp")) {
                                found.xmp(text);
                            }
                        }
                    }
                }
                default -> {
                }
            }
            if (!complete || type.equals("IDAT") || type.equals("IEND")) {
                break;
            }
            p = d + n + 4;
        }
        return new SourceInfo(ImageFormat.PNG, width, height, found.orientation, icc, found.notice(), 0, 0, false, alpha, false);
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
}
