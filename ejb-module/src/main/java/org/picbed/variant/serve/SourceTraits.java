package org.picbed.variant.serve;

import org.picbed.image.ImageFormat;

/** What the first bytes of an original say about it, for choosing an output format. */
final class SourceTraits {

    private SourceTraits() {
    }

    /** Whether the image may have transparent pixels: alpha or palette PNGs, GIFs, WebP with the alpha flag. */
    static boolean hasAlpha(ImageFormat format, byte[] head) {
        return switch (format) {
            case PNG -> head.length > 25 && (head[25] == 3 || head[25] == 4 || head[25] == 6);
            case GIF, ICO -> true;
            case WEBP -> head.length > 20 && head[12] == 'V' && head[13] == 'P' && head[14] == '8'
                    && (head[15] == 'L' || (head[15] == 'X' && (head[20] & 0x10) != 0));
            default -> false;
        };
    }
}
