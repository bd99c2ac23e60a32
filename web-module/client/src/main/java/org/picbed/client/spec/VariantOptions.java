package org.picbed.client.spec;

import org.picbed.client.PicbedSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Parses imgproxy-style processing options ({@code rs:fill:300:200/g:sm/q:75}) into a resolved
 * {@link VariantSpec}. Options apply left to right, later ones override earlier ones, a preset expands in place,
 * and missing trailing arguments keep the current value. The result is canonical: spellings of the same output
 * give equal specs (see {@link #resolve}).
 */
public final class VariantOptions {

    public static final int DEFAULT_MAX_SIDE = 4096;
    public static final long DEFAULT_MAX_PIXELS = 16_000_000L;
    /** Longest options string accepted (before presets are expanded). */
    public static final int MAX_LENGTH = 1024;

    static final double MAX_DPR = 8;
    static final double MAX_ZOOM = 64;
    static final int MAX_CROP_SIDE = 65_535;

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SIGNED = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{0,6}(\\.[0-9]{1,6})?");
    private static final Pattern SIGNED_DECIMAL = Pattern.compile("-?[0-9]{0,6}(\\.[0-9]{1,6})?");
    private static final Pattern HEX_COLOUR = Pattern.compile("[0-9a-fA-F]{6}|[0-9a-fA-F]{3}");

    private final Presets presets;
    private final int maxSide;
    private final long maxPixels;

    /** @throws IllegalArgumentException if a limit is not positive or a preset's options do not parse */
    public VariantOptions(Presets presets, int maxSide, long maxPixels) {
        if (maxSide < 1 || maxPixels < 1) {
            throw new IllegalArgumentException(PicbedSettings.envName("variant.max-side") + " and "
                    + PicbedSettings.envName("variant.max-pixels") + " must be positive");
        }
        this.presets = presets;
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
        for (Presets.Preset preset : presets.all()) {
            try {
                parse(preset.options());
            } catch (InvalidOptionsException e) {
                throw new IllegalArgumentException(PicbedSettings.envName("presets") + ": preset '" + preset.name() + "': "
                        + e.getMessage(), e);
            }
        }
    }

    /** Presets from configuration; limits from {@code variant.max-side} and {@code variant.max-pixels}. */
    public static VariantOptions from(PicbedSettings settings) {
        return new VariantOptions(Presets.from(settings), settings.getInt("variant.max-side", DEFAULT_MAX_SIDE),
                settings.getLong("variant.max-pixels", DEFAULT_MAX_PIXELS));
    }

    public Presets presets() {
        return presets;
    }

    public int maxSide() {
        return maxSide;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /**
     * @param options "/"-separated options; empty (or {@code orig}, the canonical spelling of no options) means
     *                the unchanged image
     * @throws InvalidOptionsException {@code invalid_option}, {@code unknown_preset} or {@code variant_too_large}
     */
    public VariantSpec parse(String options) {
        return parseRequest(options).spec();
    }

    /**
     * The spec and what else the options ask of the request that does not change the output's pixels: the output
     * format named by {@code format}/{@code f}/{@code ext}, an expiry, a download file name, raw serving.
     */
    public Parsed parseRequest(String options) {
        if (options == null || options.isEmpty() || options.equals("orig")) {
            return new Draft().parsed();
        }
        if (options.length() > MAX_LENGTH) {
            throw new InvalidOptionsException("invalid_option", "the options are longer than " + MAX_LENGTH + " characters");
        }
        Draft draft = new Draft();
        apply(draft, options, 0);
        Parsed parsed = draft.parsed();
        checkSize(parsed.spec());
        return parsed;
    }

    /**
     * Options that do not change a variant's pixels.
     *
     * @param format     the output extension the options name ({@code format:png}), or null
     * @param expires    epoch second after which the URL answers 404, or 0
     * @param filename   the download file name ({@code filename}), or null
     * @param attachment {@code return_attachment}: offer the variant as a download
     * @param raw        serve the original's bytes as they are
     */
    public record Parsed(VariantSpec spec, String format, long expires, String filename, boolean attachment,
                         boolean raw) {
    }

    private void apply(Draft d, String options, int depth) {
        if (options.isEmpty()) {
            return; // an empty preset
        }
        for (String segment : options.split("/", -1)) {
            String[] parts = segment.split(":", -1);
            Option o = new Option(segment, parts[0], Arrays.asList(parts).subList(1, parts.length));
            switch (o.name) {
                case "resize", "rs" -> {
                    o.arity(1, 8);
                    o.ifGiven(0, a -> d.resize = resizeType(o, a));
                    size(d, o, 1);
                }
                case "size", "s" -> {
                    o.arity(1, 7);
                    size(d, o, 0);
                }
                case "resizing_type", "rt" -> d.resize = resizeType(o, o.single());
                case "width", "w" -> d.width = whole(o, o.single(), "width");
                case "height", "h" -> d.height = whole(o, o.single(), "height");
                case "min-width", "min_width", "mw" -> d.minWidth = whole(o, o.single(), "minimum width");
                case "min-height", "min_height", "mh" -> d.minHeight = whole(o, o.single(), "minimum height");
                case "zoom", "z" -> {
                    o.arity(1, 2);
                    double x = decimal(o, o.args.get(0), "zoom", Double.MIN_VALUE, MAX_ZOOM);
                    d.zoomX = x;
                    d.zoomY = o.args.size() > 1 ? decimal(o, o.args.get(1), "zoom", Double.MIN_VALUE, MAX_ZOOM) : x;
                }
                case "enlarge", "el" -> d.enlarge = bool(o.single());
                case "extend", "ex" -> d.extend = extend(o, 0);
                case "extend_aspect_ratio", "extend_ar", "exar" -> d.extendAspectRatio = extend(o, 0);
                case "dpr" -> d.dpr = decimal(o, o.single(), "dpr", Double.MIN_VALUE, MAX_DPR);
                case "gravity", "g" -> d.gravity = position(o, 0, true);
                case "crop", "c" -> {
                    o.arity(1, 5);
                    o.ifGiven(0, a -> d.cropWidth = cropSide(o, a, "crop width"));
                    o.ifGiven(1, a -> d.cropHeight = cropSide(o, a, "crop height"));
                    d.cropGravity = o.args.size() > 2 && !o.args.get(2).isEmpty() ? position(o, 2, true) : null;
                }
                case "trim", "t" -> d.trim = trim(o);
                case "padding", "pd" -> d.padding = padding(o);
                case "quality", "q" -> d.quality = bounded(o, o.single(), "quality", 100);
                case "format_quality", "fq" -> d.formatQuality = formatQuality(o);
                case "max_bytes", "mb" -> d.maxBytes = whole(o, o.single(), "max bytes");
                case "format", "f", "ext" -> d.format = format(o, o.single());
                case "skip_processing", "skp" -> {
                    o.arity(1, Integer.MAX_VALUE);
                    java.util.SortedSet<String> formats = new java.util.TreeSet<>();
                    for (String f : o.args) {
                        formats.add(format(o, f));
                    }
                    d.skipProcessing = formats;
                }
                case "raw" -> d.raw = bool(o.single());
                case "cachebuster", "cb" -> o.arity(0, 1); // changes the URL only
                case "expires", "exp" -> {
                    String t = o.single();
                    if (!t.matches("[0-9]{1,12}")) {
                        throw o.invalid("expiry must be a unix time in seconds");
                    }
                    d.expires = Long.parseLong(t);
                }
                case "filename", "fn" -> {
                    o.arity(1, 2);
                    d.filename = filename(o);
                }
                case "return_attachment", "att" -> d.attachment = bool(o.single());
                case "rotate", "rot" -> d.rotate = rotation(o, o.single());
                case "flip", "fl" -> {
                    o.arity(0, 2);
                    if (o.args.isEmpty()) {
                        d.flipX = true;
                    }
                    o.ifGiven(0, a -> d.flipX = bool(a));
                    o.ifGiven(1, a -> d.flipY = bool(a));
                }
                case "blur", "bl" -> d.blur = hundredths(decimal(o, o.single(), "blur sigma", 0, 100));
                case "sharpen", "sh" -> d.sharpen = hundredths(decimal(o, o.single(), "sharpen sigma", 0, 100));
                case "pixelate", "pix" -> d.pixelate = bounded(o, o.single(), "pixel size", maxSide);
                case "background", "bg" -> d.background = background(o);
                case "watermark", "wm" -> watermark(d, o);
                case "auto_rotate", "ar" -> d.autoRotate = bool(o.single());
                case "keep_copyright", "kcr" -> d.keepCopyright = bool(o.single());
                case "max_result_dimension", "mrd" -> d.maxResultDimension = whole(o, o.single(), "max result dimension");
                case "max_result_width", "mrw" -> d.maxResultWidth = whole(o, o.single(), "max result width");
                case "max_result_height", "mrh" -> d.maxResultHeight = whole(o, o.single(), "max result height");
                // accepted and ignored: what picbed always does, or limits it keeps itself (docs/url-api.md)
                case "strip_metadata", "sm", "strip_color_profile", "scp", "enforce_thumbnail", "eth",
                     "preserve_hdr", "ph" -> bool(o.single());
                case "max_src_resolution", "msr" ->
                        d.maxSourcePixels = Math.round(decimal(o, o.single(), "megapixels", 0, 1_000_000) * 1e6);
                case "max_animation_frame_resolution", "mafr" -> decimal(o, o.single(), "megapixels", 0, 1_000_000);
                case "max_src_file_size", "msfs", "max_animation_frames", "maf" -> whole(o, o.single(), "limit");
                case "preset", "pr" -> {
                    o.arity(1, Integer.MAX_VALUE);
                    for (String name : o.args) {
                        expand(d, o, name, depth);
                    }
                }
                default -> throw o.invalid(o.name.isEmpty() ? "empty option" : "unknown option");
            }
        }
    }

    /** {@code width:height:enlarge:extend:gravity:x:y} from argument {@code from} on (resize and size). */
    private void size(Draft d, Option o, int from) {
        o.ifGiven(from, a -> d.width = whole(o, a, "width"));
        o.ifGiven(from + 1, a -> d.height = whole(o, a, "height"));
        o.ifGiven(from + 2, a -> d.enlarge = bool(a));
        if (o.args.size() > from + 3 && !o.args.get(from + 3).isEmpty()) {
            d.extend = extend(o, from + 3);
        }
    }

    /** {@code enabled:gravity:x:y} from argument {@code from}: null when not enabled. */
    private VariantSpec.Extend extend(Option o, int from) {
        if (o.args.size() < from + 1 || o.args.size() > from + 4) {
            throw o.invalid("expected enabled:gravity:x:y");
        }
        if (!bool(o.args.get(from))) {
            return null;
        }
        VariantSpec.Position at = o.args.size() > from + 1 && !o.args.get(from + 1).isEmpty()
                ? position(o, from + 1, false) : VariantSpec.Position.CENTRE;
        return new VariantSpec.Extend(at);
    }

    /**
     * {@code type:x:y} from argument {@code from}: a compass gravity or centre with optional offsets, {@code sm}
     * (when {@code smartAllowed}) without, or {@code fp:x:y} with both coordinates from 0 to 1.
     */
    private VariantSpec.Position position(Option o, int from, boolean smartAllowed) {
        if (o.args.size() <= from) {
            throw o.invalid("expected a gravity");
        }
        String code = o.args.get(from);
        Gravity type = Gravity.fromCode(code).orElseThrow(() ->
                o.invalid("gravity must be one of ce, no, so, ea, we, noea, nowe, soea, sowe" + (smartAllowed ? ", sm" : "") + " or fp"));
        int extra = o.args.size() - from - 1;
        if (type == Gravity.SMART) {
            if (!smartAllowed || extra > 0) {
                throw o.invalid(smartAllowed ? "smart gravity takes no offsets" : "smart gravity is not allowed here");
            }
            return VariantSpec.Position.of(type);
        }
        if (type == Gravity.FOCUS_POINT) {
            if (extra != 2) {
                throw o.invalid("a focus point is fp:x:y with x and y from 0 to 1");
            }
            return new VariantSpec.Position(type, fraction(o, o.args.get(from + 1)), fraction(o, o.args.get(from + 2)));
        }
        if (extra > 2) {
            throw o.invalid("a gravity takes at most two offsets");
        }
        double x = extra > 0 ? offset(o, o.args.get(from + 1)) : 0;
        double y = extra > 1 ? offset(o, o.args.get(from + 2)) : 0;
        return new VariantSpec.Position(type, x, y);
    }

    private double offset(Option o, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        double value = SIGNED_DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!(Math.abs(value) <= maxSide)) {
            throw o.invalid("offsets must be numbers from -" + maxSide + " to " + maxSide);
        }
        return ten_thousandths(value);
    }

    private static double fraction(Option o, String text) {
        return ten_thousandths(decimal(o, text, "a focus point coordinate", 0, 1));
    }

    private static double cropSide(Option o, String text, String what) {
        return ten_thousandths(decimal(o, text, what, 0, MAX_CROP_SIDE));
    }

    private VariantSpec.Trim trim(Option o) {
        o.arity(1, 4);
        if (o.args.get(0).isEmpty()) {
            return null;
        }
        double threshold = hundredths(decimal(o, o.args.get(0), "trim threshold", 0, 255));
        VariantSpec.Rgb colour = o.args.size() > 1 && !o.args.get(1).isEmpty() ? hex(o, o.args.get(1)) : null;
        boolean equalH = o.args.size() > 2 && !o.args.get(2).isEmpty() && bool(o.args.get(2));
        boolean equalV = o.args.size() > 3 && !o.args.get(3).isEmpty() && bool(o.args.get(3));
        return new VariantSpec.Trim(threshold, colour, equalH, equalV);
    }

    /** CSS order and defaults: top, right (= top), bottom (= top), left (= right). */
    private VariantSpec.Padding padding(Option o) {
        o.arity(1, 4);
        int[] v = new int[4];
        boolean[] given = new boolean[4];
        for (int i = 0; i < o.args.size(); i++) {
            if (!o.args.get(i).isEmpty()) {
                v[i] = bounded(o, o.args.get(i), "padding", maxSide);
                given[i] = true;
            }
        }
        int top = v[0];
        int right = given[1] ? v[1] : top;
        int bottom = given[2] ? v[2] : top;
        int left = given[3] ? v[3] : right;
        return top == 0 && right == 0 && bottom == 0 && left == 0 ? null
                : new VariantSpec.Padding(top, right, bottom, left);
    }

    private void watermark(Draft d, Option o) {
        o.arity(1, 5);
        o.ifGiven(0, a -> d.wmOpacity = hundredths(decimal(o, a, "watermark opacity", 0, 1)));
        if (o.args.size() > 1 && !o.args.get(1).isEmpty()) {
            String code = o.args.get(1);
            d.wmReplicate = code.equals("re");
            if (!d.wmReplicate) {
                Gravity g = Gravity.fromCode(code).filter(x -> x != Gravity.SMART && x != Gravity.FOCUS_POINT)
                        .orElseThrow(() -> o.invalid("watermark position must be one of ce, no, so, ea, we, noea, nowe, soea, sowe, re"));
                d.wmPosition = g;
            }
        }
        o.ifGiven(2, a -> d.wmOffsetX = offset(o, a));
        o.ifGiven(3, a -> d.wmOffsetY = offset(o, a));
        o.ifGiven(4, a -> d.wmScale = hundredths(decimal(o, a, "watermark scale", 0, 1)));
    }

    private static java.util.Map<String, Integer> formatQuality(Option o) {
        if (o.args.size() % 2 != 0 || o.args.isEmpty()) {
            throw o.invalid("expected format:quality pairs");
        }
        java.util.Map<String, Integer> perFormat = new java.util.TreeMap<>();
        for (int i = 0; i < o.args.size(); i += 2) {
            perFormat.put(format(o, o.args.get(i)), bounded(o, o.args.get(i + 1), "quality", 100));
        }
        perFormat.values().removeIf(q -> q == 0);
        return perFormat;
    }

    /** The image format names imgproxy knows, as picbed's extension. */
    private static String format(Option o, String name) {
        String ext = name.toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "jpg", "jpeg" -> "jpg";
            case "png", "webp", "avif", "gif", "ico", "heic", "bmp", "tiff", "jxl", "svg", "auto" -> ext;
            case "tif" -> "tiff";
            case "heif" -> "heic";
            default -> throw o.invalid("unknown image format '" + clip(name) + "'");
        };
    }

    private static String filename(Option o) {
        String name = o.args.get(0);
        if (o.args.size() > 1 && bool(o.args.get(1))) {
            try {
                name = new String(java.util.Base64.getUrlDecoder().decode(name.replaceAll("=+$", "")),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw o.invalid("the file name is not base64url");
            }
        }
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\' || c == 0x7f)) {
            throw o.invalid("file names are 1 to 255 printable characters without quotes or backslashes");
        }
        return name;
    }

    private void expand(Draft d, Option o, String name, int depth) {
        Presets.Preset preset = presets.find(name).orElseThrow(() ->
                new InvalidOptionsException("unknown_preset", "unknown preset '" + clip(name) + "' in '" + clip(o.segment) + "'"));
        if (depth >= Presets.MAX_DEPTH) {
            throw o.invalid("presets are nested too deeply");
        }
        apply(d, preset.options(), depth + 1);
    }

    /** The target box (times dpr and zoom) against the limits; what a source makes of it is limited at render. */
    private void checkSize(VariantSpec spec) {
        long w = Math.round(spec.width() * spec.dpr() * spec.zoomX());
        long h = Math.round(spec.height() * spec.dpr() * spec.zoomY());
        if (w > maxSide || h > maxSide || spec.minWidth() > maxSide || spec.minHeight() > maxSide) {
            throw tooLarge(w, h, "at most " + maxSide + " pixels per side");
        }
        if (w > 0 && h > 0 && w * h > maxPixels) {
            throw tooLarge(w, h, "at most " + maxPixels + " pixels");
        }
    }

    private static InvalidOptionsException tooLarge(long w, long h, String limit) {
        return new InvalidOptionsException("variant_too_large",
                "the variant would be " + w + "x" + h + " pixels; " + limit + " are allowed");
    }

    // ---- argument parsers: each names the segment in its error

    private static Resize resizeType(Option o, String code) {
        return Resize.fromCode(code).orElseThrow(() -> o.invalid("resizing type must be fit, fill, fill-down, force or auto"));
    }

    private static int whole(Option o, String text, String what) {
        if (!WHOLE.matcher(text).matches()) {
            throw o.invalid(what + " must be a whole number");
        }
        return Integer.parseInt(text);
    }

    private static int bounded(Option o, String text, String what, int max) {
        if (!WHOLE.matcher(text).matches() || Integer.parseInt(text) > max) {
            throw o.invalid(what + " must be a whole number from 0 to " + max);
        }
        return Integer.parseInt(text);
    }

    /** A decimal number within [min, max]. */
    private static double decimal(Option o, String text, String what, double min, double max) {
        double value = !text.isEmpty() && !text.equals(".") && DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : -1;
        if (value < min || value > max) {
            String range = min > 0 ? "greater than 0 and at most " + VariantSpec.number(max)
                    : "from " + VariantSpec.number(min) + " to " + VariantSpec.number(max);
            throw o.invalid(what + " must be a number " + range);
        }
        return value;
    }

    /** Rounded to the 2 decimals {@link VariantSpec#canonical()} writes, so the canonical form parses back equal. */
    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Rounded to the 4 decimals canonical() writes for positions and crops. */
    private static double ten_thousandths(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** Go's strconv.ParseBool, as imgproxy reads booleans: anything else is false (imgproxy only logs it). */
    private static boolean bool(String text) {
        return switch (text) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> false;
        };
    }

    /** Any multiple of 90 degrees, as a clockwise turn of 0, 90, 180 or 270. */
    private static int rotation(Option o, String text) {
        if (!SIGNED.matcher(text).matches() || Integer.parseInt(text) % 90 != 0) {
            throw o.invalid("rotation must be a multiple of 90");
        }
        return Math.floorMod(Integer.parseInt(text), 360);
    }

    private static VariantSpec.Rgb hex(Option o, String hex) {
        if (!HEX_COLOUR.matcher(hex).matches()) {
            throw o.invalid("colours are hex: rgb or rrggbb");
        }
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int rgb = Integer.parseInt(hex, 16);
        return new VariantSpec.Rgb(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff);
    }

    private static VariantSpec.Rgb background(Option o) {
        List<String> args = o.args;
        if (args.isEmpty() || args.size() == 1 && args.get(0).isEmpty()) {
            return null; // "background:" turns it off
        }
        if (args.size() == 1 && HEX_COLOUR.matcher(args.get(0)).matches()) {
            return hex(o, args.get(0));
        }
        if (args.size() == 3) {
            return new VariantSpec.Rgb(bounded(o, args.get(0), "red", 255), bounded(o, args.get(1), "green", 255),
                    bounded(o, args.get(2), "blue", 255));
        }
        throw o.invalid("background must be a hex colour (bg:ff8800) or red:green:blue from 0 to 255");
    }

    /** User text in a message: at most 64 printable ASCII characters. */
    static String clip(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** One segment being applied: its name and arguments. */
    private record Option(String segment, String name, List<String> args) {

        void arity(int min, int max) {
            if (args.size() < min || args.size() > max) {
                String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min
                        : min + " to " + max;
                throw invalid("expected " + expected + " argument" + (max == 1 ? "" : "s") + ", got " + args.size());
            }
        }

        String single() {
            arity(1, 1);
            return args.get(0);
        }

        /** Applies argument i when present and not empty (imgproxy: an empty argument keeps the current value). */
        void ifGiven(int i, Consumer<String> apply) {
            if (i < args.size() && !args.get(i).isEmpty()) {
                apply.accept(args.get(i));
            }
        }

        InvalidOptionsException invalid(String reason) {
            return new InvalidOptionsException("invalid_option", "option '" + clip(segment) + "': " + reason);
        }
    }

    /** A crop that keeps a whole side cannot move along it: keep only the position's part on cropped axes. */
    private static VariantSpec.Position alongCroppedAxes(VariantSpec.Position p, boolean widthCropped,
                                                         boolean heightCropped) {
        Gravity g = p.type();
        if (g == Gravity.SMART || g == Gravity.FOCUS_POINT || widthCropped && heightCropped) {
            return p;
        }
        String code = g.code();
        String vertical = code.startsWith("no") ? "no" : code.startsWith("so") ? "so" : "";
        String horizontal = code.endsWith("ea") ? "ea" : code.endsWith("we") ? "we" : "";
        String kept = (heightCropped ? vertical : "") + (widthCropped ? horizontal : "");
        return new VariantSpec.Position(kept.isEmpty() ? Gravity.CENTRE : Gravity.fromCode(kept).orElseThrow(),
                widthCropped ? p.x() : 0, heightCropped ? p.y() : 0);
    }

    /** The options applied so far, unresolved. */
    private final class Draft {
        Resize resize = Resize.FIT;
        int width;
        int height;
        double zoomX = 1;
        double zoomY = 1;
        int minWidth;
        int minHeight;
        boolean enlarge;
        VariantSpec.Extend extend;
        VariantSpec.Extend extendAspectRatio;
        VariantSpec.Position gravity = VariantSpec.Position.CENTRE;
        double cropWidth;
        double cropHeight;
        VariantSpec.Position cropGravity; // null: follow gravity
        VariantSpec.Trim trim;
        VariantSpec.Padding padding;
        double dpr = 1;
        int quality; // 0: the default
        java.util.Map<String, Integer> formatQuality = java.util.Map.of();
        int maxBytes;
        int rotate;
        boolean flipX;
        boolean flipY;
        double blur;
        double sharpen;
        int pixelate;
        VariantSpec.Rgb background;
        double wmOpacity; // 0: no watermark
        Gravity wmPosition = Gravity.CENTRE;
        boolean wmReplicate;
        double wmOffsetX;
        double wmOffsetY;
        double wmScale;
        boolean autoRotate = true;
        boolean keepCopyright = true;
        java.util.SortedSet<String> skipProcessing = new java.util.TreeSet<>();
        int maxResultDimension;
        int maxResultWidth;
        int maxResultHeight;
        long maxSourcePixels;
        String format;
        long expires;
        String filename;
        boolean attachment;
        boolean raw;

        Parsed parsed() {
            return new Parsed(resolve(), format, expires, filename, attachment, raw);
        }

        /**
         * The canonical spec: defaults filled in, and whatever cannot change the output reset, so equal outputs get
         * equal specs.
         */
        VariantSpec resolve() {
            Resize type = resize;
            boolean sized = width > 0 || height > 0;
            if (!sized && type != Resize.FORCE) {
                type = Resize.FIT; // no box: fit, fill and auto scale alike (by zoom, dpr or a minimum)
            } else if (type.fills() && (width == 0 || height == 0)) {
                type = Resize.FIT; // one side follows the aspect ratio: nothing to crop
            } else if (type == Resize.FORCE && width == 0 && height == 0) {
                type = Resize.FIT;
            }
            if (type == Resize.FILL_DOWN && enlarge) {
                type = Resize.FILL;
            }
            boolean scales = sized || zoomX != 1 || zoomY != 1 || dpr != 1 || minWidth > 0 || minHeight > 0;
            boolean enlarges = enlarge && scales; // nothing to enlarge without a size, zoom, dpr or minimum
            // the gravity places the window a fill (or a minimum size) keeps of the scaled image
            VariantSpec.Position g = type.fills() || minWidth > 0 || minHeight > 0 ? gravity : VariantSpec.Position.CENTRE;

            VariantSpec.Crop crop = null;
            if (cropWidth > 0 || cropHeight > 0) {
                VariantSpec.Position at = cropGravity != null ? cropGravity : gravity;
                crop = new VariantSpec.Crop(cropWidth, cropHeight, alongCroppedAxes(at, cropWidth > 0, cropHeight > 0));
            }

            // flipping both ways is a half turn, and a vertical flip is a horizontal one plus a half turn
            int turn = rotate;
            boolean mirror = flipX;
            if (flipY) {
                mirror = !mirror;
                turn = (turn + 180) % 360;
            }

            VariantSpec.Watermark watermark = null;
            if (wmOpacity > 0) {
                VariantSpec.Position at = new VariantSpec.Position(wmReplicate ? Gravity.CENTRE : wmPosition,
                        wmOffsetX, wmOffsetY);
                watermark = new VariantSpec.Watermark(wmOpacity, at, wmReplicate, wmScale);
            }
            int limit = maxResultDimension;
            return VariantSpec.builder()
                    .resize(type, width, height).zoom(zoomX, zoomY).dpr(dpr).min(minWidth, minHeight)
                    .enlarge(enlarges).gravity(g).crop(crop).trim(trim).extend(extend)
                    .extendAspectRatio(extendAspectRatio).padding(padding)
                    .rotate(turn).flip(mirror, false).autoRotate(autoRotate)
                    .blur(blur).sharpen(sharpen).pixelate(pixelate > 1 ? pixelate : 0).background(background)
                    .watermark(watermark).quality(quality == 0 ? VariantSpec.DEFAULT_QUALITY : quality)
                    .formatQuality(formatQuality).maxBytes(maxBytes).keepCopyright(keepCopyright)
                    .skipProcessing(skipProcessing).maxResultDimension(limit)
                    .maxResultSize(maxResultWidth, maxResultHeight).maxSourcePixels(maxSourcePixels)
                    .build();
        }
    }
}
