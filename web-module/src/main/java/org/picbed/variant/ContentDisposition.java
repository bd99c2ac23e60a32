package org.picbed.variant;

import org.picbed.image.ImageFormat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} of a variant named by imgproxy's {@code filename}/{@code return_attachment}. */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /** RFC 6266: an ASCII {@code filename} (others replaced by _) and the exact name as UTF-8 {@code filename*}. */
    static String of(boolean attachment, String name, ImageFormat format) {
        String file = name.endsWith("." + format.extension()) ? name : name + "." + format.extension();
        String ascii = file.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String utf8 = URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
        return (attachment ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }
}
