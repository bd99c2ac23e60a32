package org.picbed.variant.url;

import org.picbed.client.spec.Presets;
import org.picbed.client.spec.InvalidOptionsException;
import org.picbed.client.spec.VariantOptions;
import org.picbed.client.url.PicbedUrls;
import org.picbed.client.url.UrlSignatures;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.spec.VariantSpecs;

import java.util.List;
import java.util.Locale;

/**
 * The two variant URL forms:
 * <ul>
 * <li>preset: {@code /i/<id>/<preset>.<ext>}, e.g. {@code /i/<id>/thumb.webp};</li>
 * <li>signed: {@code /v/<signature>/<options>/<id>.<ext>}, e.g. {@code /v/<sig>/rs:fill:300:200/g:sm/<id>.jpg};
 * the options may be empty ({@code /v/<sig>/<id>.png}: the original in another format).</li>
 * </ul>
 * Callers pass the raw (not percent-decoded) path after {@code /i/} or {@code /v/}. URLs are built by the client
 * library's {@link PicbedUrls}, the builder shops use too.
 */
public final class VariantUrls {

    private final java.time.Clock clock;
    private final VariantOptions options;
    private final UrlSignatures signatures;
    private final PicbedUrls builder;

    public VariantUrls(VariantOptions options, UrlSignatures signatures) {
        this(options, signatures, java.time.Clock.systemUTC());
    }

    public VariantUrls(VariantOptions options, UrlSignatures signatures, java.time.Clock clock) {
        this.clock = clock;
        this.options = options;
        this.signatures = signatures;
        this.builder = new PicbedUrls(null, options, signatures);
    }

    public static VariantUrls from(Settings settings) {
        return new VariantUrls(VariantOptions.from(settings), UrlSignatures.from(settings));
    }

    public VariantOptions options() {
        return options;
    }

    public UrlSignatures signatures() {
        return signatures;
    }

    /** The client library's builder with this grammar and these keys (root-relative URLs). */
    public PicbedUrls builder() {
        return builder;
    }

    /**
     * @param path what follows {@code /i/}: {@code <id>/<preset>.<ext>}
     * @throws PicbedException 400 {@code invalid_id}; 404 {@code not_found} for another shape, an unknown preset
     *                         or extension
     */
    public VariantRequest preset(String path) {
        String[] segments = withoutLeadingSlash(path).split("/", -1);
        if (segments.length != 2) {
            throw notFound();
        }
        ImageId id = imageId(segments[0]);
        int dot = segments[1].lastIndexOf('.');
        if (dot < 0) {
            throw notFound();
        }
        String ext = extension(segments[1].substring(dot + 1));
        Presets.Preset preset = options.presets().find(segments[1].substring(0, dot)).orElseThrow(VariantUrls::notFound);
        return new VariantRequest(id, VariantSpecs.parse(options, "pr:" + preset.name()), ext);
    }

    /**
     * Checks the signature first, over "/" and everything after the signature segment exactly as received, then
     * parses.
     *
     * @param path what follows {@code /v/}: {@code <signature>/<options>/<id>.<ext>}
     * @throws PicbedException 403 {@code bad_signature}; then 404 {@code not_found}, 400 {@code invalid_id} or an
     *                         options error (see {@link VariantOptions#parse})
     */
    public VariantRequest signed(String path) {
        String rest = withoutLeadingSlash(path);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw notFound();
        }
        String signed = rest.substring(slash);
        if (!signatures.verify(rest.substring(0, slash), signed)) {
            throw new PicbedException(403, "bad_signature", "the URL's signature is not valid");
        }
        List<String> segments = List.of(signed.substring(1).split("/", -1));
        int start = sourceStart(segments);
        String optionText = String.join("/", segments.subList(0, start));
        if (start > 0 && optionText.isEmpty()) {
            throw new PicbedException(400, "invalid_option", "option '': empty option");
        }
        VariantOptions.Parsed parsed;
        try {
            parsed = options.parseRequest(optionText);
        } catch (InvalidOptionsException e) {
            throw VariantSpecs.refused(e);
        }
        String ext;
        ImageId id;
        String remote = null;
        String file = segments.get(segments.size() - 1);
        if (start == segments.size() - 1 && !file.equals("plain") && isOwn(file)) { // picbed's own <id>[.<ext>]
            if (file.isEmpty()) {
                throw notFound();
            }
            int dot = file.lastIndexOf('.');
            ext = dot < 0 ? null : extension(file.substring(dot + 1));
            id = imageId(dot < 0 ? file : file.substring(0, dot));
        } else { // imgproxy's plain/<url>[@ext] or base64url source
            SourceForms.Source source = SourceForms.parse(segments.subList(start, segments.size()));
            ext = source.extension() == null ? null : extension(source.extension());
            id = source.image();
            remote = source.url();
        }
        if (ext == null) { // imgproxy: the format option, else the original's format
            ext = parsed.format() != null ? outputExtension(parsed.format()) : OutputFormats.SOURCE;
        }
        VariantRequest request = new VariantRequest(id, remote, parsed.spec(), ext, parsed.expires(),
                parsed.filename(), parsed.attachment(), parsed.raw());
        if (request.expired(clock.instant().getEpochSecond())) {
            throw new PicbedException(404, "expired", "the URL has expired");
        }
        return request;
    }

    /**
     * Where the source part of a signed path begins: at {@code plain} (imgproxy's plain form, after options that all
     * have arguments), at the first segment without a {@code :} when the last segment is a base64url source, else
     * the last segment (picbed's {@code <id>[.<ext>]}).
     */
    private static int sourceStart(List<String> segments) {
        int last = segments.size() - 1;
        int plain = segments.indexOf("plain");
        if (plain >= 0 && segments.subList(0, plain).stream().allMatch(s -> s.contains(":"))) {
            return plain;
        }
        if (isOwn(segments.get(last))) {
            return last;
        }
        int i = 0;
        while (i < last && segments.get(i).contains(":")) {
            i++;
        }
        return i;
    }

    /** picbed's {@code <id>[.<ext>]}, or something that can only be meant as one (then refused as invalid_id). */
    private static boolean isOwn(String lastSegment) {
        return SourceForms.isOwnForm(lastSegment) || !looksEncoded(lastSegment);
    }

    /** A base64url segment that is not an (invalid) image id: imgproxy's alphabet, not just hex digits. */
    private static boolean looksEncoded(String segment) {
        int dot = segment.indexOf('.');
        String name = dot < 0 ? segment : segment.substring(0, dot);
        return name.matches("[A-Za-z0-9_-]{4,}=*") && !name.matches("[0-9a-fA-F]*");
    }

    /** An output format named by the {@code format} option; 415 for one imgproxy writes and picbed does not. */
    private static String outputExtension(String format) {
        if (format.equals("auto") || OutputFormats.isExtension(format)) {
            return format;
        }
        throw new PicbedException(415, "unsupported_output", "picbed does not write " + format + " images");
    }

    /**
     * The URL path of a signed variant (see {@link PicbedUrls#signedPath}).
     *
     * @throws IllegalArgumentException for invalid options or extension
     * @throws IllegalStateException    when URLs can neither be signed nor go unsigned
     */
    public String signedPath(String optionText, ImageId id, String ext) {
        return builder.signedPath(optionText, id.hex(), ext);
    }

    /** {@code /i/<id>}: the original in its stored format. */
    public static String originalPath(ImageId id) {
        return PicbedUrls.originalPath(id.hex());
    }

    /** {@code /i/<id>.<ext>}: the original, with its format in the name. */
    public static String originalPath(ImageId id, ImageFormat format) {
        return originalPath(id) + "." + format.extension();
    }

    /** {@code /i/<id>/<preset>.<ext>}; {@code ext} is an output format's extension or {@code auto}. */
    public static String presetPath(ImageId id, String preset, String ext) {
        return PicbedUrls.presetPath(id.hex(), preset, ext);
    }

    private static String withoutLeadingSlash(String path) {
        if (path == null) {
            throw notFound();
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static ImageId imageId(String text) {
        return ImageId.parse(text).orElseThrow(() ->
                new PicbedException(400, "invalid_id", "an image id is 64 lowercase hex characters"));
    }

    private static String extension(String text) {
        String ext = text.toLowerCase(Locale.ROOT);
        if (!OutputFormats.isExtension(ext)) {
            throw notFound();
        }
        return ext;
    }

    private static PicbedException notFound() {
        return new PicbedException(404, "not_found", "no such image variant");
    }
}
