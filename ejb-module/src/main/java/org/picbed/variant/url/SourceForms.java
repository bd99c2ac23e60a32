package org.picbed.variant.url;

import org.picbed.error.PicbedException;
import org.picbed.image.ImageId;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The source part of a signed URL, in imgproxy's forms and picbed's own:
 * <ul>
 * <li>{@code <id>.<ext>} or {@code <id>}: a stored image (picbed);</li>
 * <li>{@code plain/<url>[@<ext>]}: a percent-encoded URL; {@code plain/local:///<id>} and {@code plain/<id>} name a
 * stored image;</li>
 * <li>{@code <base64url of the url>[.<ext>]}, possibly split by {@code /} (imgproxy's encoded form).</li>
 * </ul>
 */
public final class SourceForms {

    /** A stored image or a remote URL, and the extension the source part asks for (or null). */
    public record Source(ImageId image, String url, String extension) {
    }

    private static final int MAX_URL = 2048;

    private SourceForms() {
    }

    /** Whether the last segment is picbed's own {@code <id>[.<ext>]}: then all segments before it are options. */
    static boolean isOwnForm(String lastSegment) {
        int dot = lastSegment.indexOf('.');
        String id = dot < 0 ? lastSegment : lastSegment.substring(0, dot);
        return id.length() == 64 && ImageId.parse(id).isPresent();
    }

    /**
     * @param segments the path segments that make the source (after the options)
     * @throws PicbedException 400 {@code invalid_source} for a malformed source part
     */
    static Source parse(List<String> segments) {
        if (segments.isEmpty()) {
            throw invalid("the URL names no source");
        }
        if (segments.get(0).equals("plain")) {
            String text = String.join("/", segments.subList(1, segments.size()));
            String ext = null;
            int at = text.indexOf('@');
            if (at >= 0) {
                if (text.indexOf('@', at + 1) >= 0) {
                    throw invalid("a plain source has at most one @ before its extension");
                }
                ext = text.substring(at + 1).toLowerCase(Locale.ROOT);
                text = text.substring(0, at);
            }
            return named(percentDecode(text), ext);
        }
        String text = String.join("", segments);
        String ext = null;
        int dot = text.indexOf('.');
        if (dot >= 0) {
            ext = text.substring(dot + 1).toLowerCase(Locale.ROOT);
            text = text.substring(0, dot);
        }
        String url;
        try {
            url = new String(Base64.getUrlDecoder().decode(text.replaceAll("=+$", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("the source is neither an image id, plain/<url> nor a base64url-encoded URL");
        }
        return named(url, ext);
    }

    private static Source named(String url, String ext) {
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw invalid("a source URL has 1 to " + MAX_URL + " characters");
        }
        String id = url.startsWith("local:///") ? url.substring("local:///".length()) : url;
        Optional<ImageId> stored = ImageId.parse(id);
        if (stored.isPresent()) {
            return new Source(stored.get(), null, ext);
        }
        if (url.startsWith("local:")) {
            throw invalid("local:///<id> names a stored image by its 64-character id");
        }
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("a remote source is an http or https URL");
        }
        return new Source(null, url, ext);
    }

    /** imgproxy's {@code url.PathUnescape}: %XX sequences as UTF-8 bytes, {@code +} kept. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int escape = text.indexOf('%', i);
            int end = escape < 0 ? text.length() : escape;
            byte[] run = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
            out.write(run, 0, run.length);
            if (escape < 0) {
                break;
            }
            int hi = escape + 2 < text.length() ? Character.digit(text.charAt(escape + 1), 16) : -1;
            int lo = escape + 2 < text.length() ? Character.digit(text.charAt(escape + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw invalid("a bad percent escape in the source URL");
            }
            out.write(hi << 4 | lo);
            i = escape + 3;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PicbedException invalid(String detail) {
        return new PicbedException(400, "invalid_source", detail);
    }
}
