package org.picbed.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The formats picbed accepts, told apart by their bytes, never by a file name or a declared type. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg", "jpe", "jfif")),
    PNG("image/png", "png", Set.of("png")),
    GIF("image/gif", "gif", Set.of("gif")),
    WEBP("image/webp", "webp", Set.of("webp")),
    BMP("image/bmp", "bmp", Set.of("bmp", "dib")),
    ICO("image/x-icon", "ico", Set.of("ico", "cur")),
    /** HEIF with HEVC images: what phones take photos in. */
    HEIC("image/heic", "heic", Set.of("heic", "heif", "hif")),
    AVIF("image/avif", "avif", Set.of("avif"));

    private final String mediaType;
    private final String extension;
    private final Set<String> fileExtensions;

    ImageFormat(String mediaType, String extension, Set<String> fileExtensions) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.fileExtensions = fileExtensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension of this format's URLs. */
    public String extension() {
        return extension;
    }

    /** Whether a URL or file name extension names this format ({@code jpeg} and {@code jpg} both name JPEG). */
    public boolean isNamedBy(String ext) {
        return fileExtensions.contains(ext.toLowerCase(Locale.ROOT));
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether some accepted format uses this file-name extension. */
    public static boolean isImageExtension(String ext) {
        return Arrays.stream(values()).anyMatch(f -> f.isNamedBy(ext));
    }

    public static Optional<ImageFormat> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
