package org.picbed.variant.spec;

import org.picbed.client.url.VariantExtensions;
import org.picbed.image.ImageFormat;

import java.util.Locale;
import java.util.Set;

/** The output format a variant URL's extension asks for; {@code auto} is negotiated from the Accept header. */
public final class OutputFormats {

    /** The extensions a variant URL may end in (lowercase). */
    public static final Set<String> EXTENSIONS = VariantExtensions.ALL;

    /**
     * Not an extension of a URL: what a URL without one means (imgproxy's rule): the original's format when
     * variants can be written in it, else PNG for a source with alpha, else JPEG.
     */
    public static final String SOURCE = "(source)";

    private OutputFormats() {
    }

    public static boolean isExtension(String ext) {
        return ext != null && EXTENSIONS.contains(ext);
    }

    /**
     * The format to write. {@code auto}: AVIF when the client accepts {@code image/avif} and this server writes
     * it, else WebP when the client accepts {@code image/webp}; otherwise GIF for a GIF source (keeps animation),
     * PNG when the source has alpha, else JPEG.
     *
     * @throws IllegalArgumentException for an extension not in {@link #EXTENSIONS}
     */
    public static ImageFormat resolve(String ext, String acceptHeader, ImageFormat source, boolean sourceHasAlpha,
                                      boolean avifWritable) {
        return switch (ext == null ? "" : ext.toLowerCase(Locale.ROOT)) {
            case "jpg", "jpeg" -> ImageFormat.JPEG;
            case "png" -> ImageFormat.PNG;
            case "gif" -> ImageFormat.GIF;
            case "webp" -> ImageFormat.WEBP;
            case "avif" -> ImageFormat.AVIF;
            case SOURCE -> source != null && VariantKey.isOutput(source) ? source
                    : sourceHasAlpha ? ImageFormat.PNG : ImageFormat.JPEG;
            case "auto" -> {
                ImageFormat modern = modern(acceptHeader, avifWritable);
                yield modern != null ? modern
                        : source == ImageFormat.GIF ? ImageFormat.GIF
                        : sourceHasAlpha ? ImageFormat.PNG : ImageFormat.JPEG;
            }
            default -> throw new IllegalArgumentException("not a variant extension: " + ext);
        };
    }

    /**
     * What {@code auto} means for this Accept header without looking at the source: AVIF (when written here),
     * then WebP, when the header names them; null when the answer depends on the source.
     */
    public static ImageFormat modern(String acceptHeader, boolean avifWritable) {
        if (avifWritable && accepts(acceptHeader, ImageFormat.AVIF.mediaType())) {
            return ImageFormat.AVIF;
        }
        return acceptsWebp(acceptHeader) ? ImageFormat.WEBP : null;
    }

    /** Whether the response depends on the Accept header (then it needs {@code Vary: Accept}). */
    public static boolean varies(String ext) {
        return "auto".equalsIgnoreCase(ext);
    }

    /** Whether the format depends on the original (auto for some clients, a URL without an extension). */
    public static boolean needsSource(String ext) {
        return SOURCE.equals(ext);
    }

    /**
     * Whether {@code auto} means WebP for this Accept header: it lists {@code image/webp} with q &gt; 0 (browsers
     * that decode WebP say so; wildcards do not count). When true the source need not be looked at.
     */
    public static boolean acceptsWebp(String acceptHeader) {
        return accepts(acceptHeader, ImageFormat.WEBP.mediaType());
    }

    /** Whether the Accept header names the media type explicitly with q > 0 (wildcards do not count). */
    static boolean accepts(String acceptHeader, String mediaType) {
        if (acceptHeader == null) {
            return false;
        }
        for (String range : acceptHeader.split(",")) {
            String[] params = range.split(";");
            if (params[0].trim().equalsIgnoreCase(mediaType) && quality(params) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The range's q parameter (1 when absent, 0 when malformed). */
    private static double quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String[] nameValue = params[i].split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("q")) {
                String value = nameValue[1].trim();
                return value.matches("[01](\\.[0-9]{0,3})?") ? Math.min(1, Double.parseDouble(value)) : 0;
            }
        }
        return 1;
    }
}
