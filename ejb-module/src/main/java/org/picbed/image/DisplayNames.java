package org.picbed.image;

import org.picbed.image.format.UploadRejected;

import java.text.Normalizer;
import java.util.Optional;

/**
 * A client's file name is kept only as display metadata: the last path segment, NFC, without bidi controls,
 * bounded in length, never used as a path. Control characters make the request malformed (400); a final
 * extension that is not an image one is refused (415).
 */
public final class DisplayNames {

    private DisplayNames() {
    }

    /** The display name for a client-supplied file name, or empty when the client gave none. */
    public static Optional<String> of(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL) {
                throw UploadRejected.badFilename("the file name contains control characters");
            }
            i += Character.charCount(cp);
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(cp -> !isBidiControl(cp)).forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && dot < name.length() - 1) {
            String ext = name.substring(dot + 1);
            if (!ImageFormat.isImageExtension(ext)) {
                throw UploadRejected.unsupportedExtension(ext.length() > 16 ? ext.substring(0, 16) : ext);
            }
        }
        return Optional.of(bound(name, ImageUpload.MAX_DISPLAY_NAME));
    }

    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Shortens to at most {@code max} code points, keeping the extension. */
    static String bound(String name, int max) {
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String base = ext.isEmpty() ? name : name.substring(0, dot);
        int keep = max - ext.codePointCount(0, ext.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)) + ext;
    }
}
