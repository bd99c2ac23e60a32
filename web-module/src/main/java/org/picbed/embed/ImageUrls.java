package org.picbed.embed;

import org.picbed.config.Settings;
import org.picbed.image.ImageId;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.url.ResponsiveImages;
import org.picbed.variant.url.VariantUrls;

import java.util.Optional;

/** The public address of images and the URLs pages embed; one per node, from the environment. */
public final class ImageUrls {

    private static final Optional<String> PUBLIC_URL = Settings.fromEnvironment().get("public-url")
            .map(String::strip).filter(u -> !u.isEmpty()).map(u -> u.replaceAll("/+$", ""));
    private static final VariantUrls VARIANTS = VariantUrls.from(Settings.fromEnvironment());
    private static final ResponsiveImages RESPONSIVE = new ResponsiveImages(VARIANTS);

    private ImageUrls() {
    }

    /** {@code PICBED_PUBLIC_URL} without a trailing slash (e.g. {@code https://img.example.com}), if set. */
    public static Optional<String> configuredBase() {
        return PUBLIC_URL;
    }

    /** What image paths are prefixed with in pages: the public URL, else {@code fallback} (this server's path). */
    public static String base(String fallback) {
        return PUBLIC_URL.orElse(fallback);
    }

    public static ResponsiveImages responsive() {
        return RESPONSIVE;
    }

    /** {@code /i/<id>}: the original bytes. */
    public static String original(ImageId id) {
        return VariantUrls.originalPath(id);
    }

    /** {@code /i/<id>/<preset>.<ext>}: unsigned (only configured presets can be asked for). */
    public static String preset(ImageId id, String preset, String ext) {
        if (VARIANTS.options().presets().find(preset).isEmpty() || !OutputFormats.isExtension(ext)) {
            throw new IllegalArgumentException("no preset '" + preset + "' or no variant extension '" + ext + "'");
        }
        return VariantUrls.presetPath(id, preset, ext);
    }

    /** {@code /v/<signature>/<options>/<id>.<ext>}, signed with the first configured key. */
    public static String variant(ImageId id, String options, String ext) {
        return VARIANTS.signedPath(options == null ? "" : options, id, ext);
    }

    static ImageId id(String text) {
        return ImageId.parse(text == null ? "" : text.strip())
                .orElseThrow(() -> new IllegalArgumentException("not an image id (64 lowercase hex characters): '" + text + "'"));
    }
}
