package org.picbed.client.url;

import org.picbed.client.PicbedSettings;
import org.picbed.client.spec.InvalidOptionsException;
import org.picbed.client.spec.VariantOptions;

import java.util.Optional;

/**
 * The URLs of picbed images, the one builder picbed's server uses too:
 * <ul>
 * <li>original: {@code /i/<id>} (or {@code /i/<id>.<ext>});</li>
 * <li>preset: {@code /i/<id>/<preset>.<ext>}, e.g. {@code /i/<id>/thumb.webp} (unsigned: only configured presets
 * can be asked for);</li>
 * <li>signed variant: {@code /v/<signature>/<options>/<id>.<ext>}, imgproxy's grammar and signature, e.g.
 * {@code /v/<sig>/rs:fill:300:200/g:sm/<id>.jpg}; empty options give the original in another format.</li>
 * </ul>
 * Paths are root-relative; {@link #absolute} prefixes the public URL ({@code url} setting) when there is one.
 * Immutable and thread-safe.
 */
public final class PicbedUrls {

    private final Optional<String> base;
    private final VariantOptions options;
    private final UrlSignatures signatures;

    /** @param base picbed's public URL ({@code https://img.example.com}) or null for root-relative URLs */
    public PicbedUrls(String base, VariantOptions options, UrlSignatures signatures) {
        this.base = Optional.ofNullable(base).map(String::strip).filter(b -> !b.isEmpty()).map(b -> b.replaceAll("/+$", ""));
        this.options = options;
        this.signatures = signatures;
    }

    /**
     * From settings: {@code url} (picbed's public URL; the server's own {@code public-url} is read when
     * {@code url} is not set), presets and option limits ({@link VariantOptions#from}), signing keys
     * ({@link UrlSignatures#from}).
     */
    public static PicbedUrls from(PicbedSettings settings) {
        String base = settings.get("url").or(() -> settings.get("public-url")).orElse(null);
        return new PicbedUrls(base, VariantOptions.from(settings), UrlSignatures.from(settings));
    }

    /** The same grammar and keys with another public URL. */
    public PicbedUrls withBase(String newBase) {
        return new PicbedUrls(newBase, options, signatures);
    }

    public Optional<String> base() {
        return base;
    }

    public VariantOptions options() {
        return options;
    }

    public UrlSignatures signatures() {
        return signatures;
    }

    /** The public URL + path, or the path alone when no public URL is configured. */
    public String absolute(String path) {
        return base.map(b -> b + path).orElse(path);
    }

    /** {@code /i/<id>}: the original in its stored format. */
    public static String originalPath(String id) {
        return "/i/" + ImageIds.check(id);
    }

    /** {@code /i/<id>/<preset>.<ext>}; not checked against the configured presets (see {@link #preset}). */
    public static String presetPath(String id, String preset, String ext) {
        return originalPath(id) + "/" + preset + "." + ext;
    }

    /** The original's URL. */
    public String original(String id) {
        return absolute(originalPath(id));
    }

    /**
     * A preset's URL.
     *
     * @throws IllegalArgumentException for a preset that is not configured or an extension that is not a variant's
     */
    public String preset(String id, String preset, String ext) {
        if (options.presets().find(preset).isEmpty() || !VariantExtensions.isExtension(ext)) {
            throw new IllegalArgumentException("no preset '" + preset + "' or no variant extension '" + ext + "'");
        }
        return absolute(presetPath(id, preset, ext));
    }

    /** A signed variant's URL (see {@link #signedPath}). */
    public String variant(String id, String optionText, String ext) {
        return absolute(signedPath(optionText, id, ext));
    }

    /**
     * The path of a signed variant, {@code /v/<signature>/<options>/<id>.<ext>} ({@code /v/<sig>/<id>.<ext>} for
     * empty options). The options are used as given (two spellings of one output are two URLs for one stored
     * file; {@link org.picbed.client.spec.VariantSpec#canonical()} gives the one spelling). Without a key, but with
     * unsigned URLs allowed, the signature is {@code unsafe}.
     *
     * @throws InvalidOptionsException  for options picbed would refuse
     * @throws IllegalArgumentException for an invalid id or extension
     * @throws IllegalStateException    when URLs can neither be signed nor go unsigned
     */
    public String signedPath(String optionText, String id, String ext) {
        String text = optionText == null ? "" : optionText;
        if (!VariantExtensions.isExtension(ext)) {
            throw new IllegalArgumentException("not a variant extension: " + ext);
        }
        options.parse(text);
        String signed = (text.isEmpty() ? "" : "/" + text) + "/" + ImageIds.check(id) + "." + ext;
        String signature = !signatures.enabled() && signatures.allowsUnsigned() ? "unsafe" : signatures.sign(signed);
        return "/v/" + signature + signed;
    }
}
