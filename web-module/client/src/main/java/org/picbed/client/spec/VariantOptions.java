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
    static final int MAX_CROP_SIDE = 65_535;

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SIGNED = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6})?");
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
        if (options == null || options.isEmpty() || options.equals("orig")) {
            return new Draft().resolve();
        }
        if (options.length() > MAX_LENGTH) {
            throw new InvalidOptionsException("invalid_option", "the options are longer than " + MAX_LENGTH + " characters");
        }
        Draft draft = new Draft();
        apply(draft, options, 0);
        VariantSpec spec = draft.resolve();
        checkSize(spec);
        return spec;
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
                    o.arity(1, 4);
                    o.ifGiven(0, a -> d.resize = resizeType(o, a));
                    o.ifGiven(1, a -> d.width = whole(o, a, "width"));
                    o.ifGiven(2, a -> d.height = whole(o, a, "height"));
                    o.ifGiven(3, a -> d.enlarge = bool(o, a));
                }
                case "size", "s" -> {
                    o.arity(1, 3);
                    o.ifGiven(0, a -> d.width = whole(o, a, "width"));
                    o.ifGiven(1, a -> d.height = whole(o, a, "height"));
                    o.ifGiven(2, a -> d.enlarge = bool(o, a));
                }
                case "resizing_type", "rt" -> d.resize = resizeType(o, o.single());
                case "width", "w" -> d.width = whole(o, o.single(), "width");
                case "height", "h" -> d.height = whole(o, o.single(), "height");
                case "enlarge", "el" -> d.enlarge = bool(o, o.single());
                case "dpr" -> d.dpr = decimal(o, o.single(), "dpr", Double.MIN_VALUE, MAX_DPR);
                case "gravity", "g" -> {
                    if (o.args.size() > 1) {
                        throw o.invalid("gravity offsets and focus points are not supported");
                    }
                    d.gravity = gravity(o, o.single());
                }
                case "crop", "c" -> {
                    o.arity(1, 3);
                    o.ifGiven(0, a -> d.cropWidth = bounded(o, a, "crop width", MAX_CROP_SIDE));
                    o.ifGiven(1, a -> d.cropHeight = bounded(o, a, "crop height", MAX_CROP_SIDE));
                    o.ifGiven(2, a -> d.cropGravity = gravity(o, a));
                }
                case "quality", "q" -> d.quality = bounded(o, o.single(), "quality", 100);
                case "rotate", "rot" -> d.rotate = rotation(o, o.single());
                case "flip", "fl" -> {
                    o.arity(0, 2);
                    if (o.args.isEmpty()) {
                        d.flipX = true;
                    }
                    o.ifGiven(0, a -> d.flipX = bool(o, a));
                    o.ifGiven(1, a -> d.flipY = bool(o, a));
                }
                case "blur", "bl" -> d.blur = hundredths(decimal(o, o.single(), "blur sigma", 0, 100));
                case "sharpen", "sh" -> d.sharpen = hundredths(decimal(o, o.single(), "sharpen sigma", 0, 100));
                case "background", "bg" -> d.background = background(o);
                case "watermark", "wm" -> {
                    o.arity(1, 5);
                    o.ifGiven(0, a -> d.wmOpacity = hundredths(decimal(o, a, "watermark opacity", 0, 1)));
                    o.ifGiven(1, a -> d.wmPosition = watermarkPosition(o, a));
                    o.ifGiven(2, a -> d.wmOffsetX = offset(o, a));
                    o.ifGiven(3, a -> d.wmOffsetY = offset(o, a));
                    o.ifGiven(4, a -> d.wmScale = hundredths(decimal(o, a, "watermark scale", 0, 1)));
                }
                case "auto_rotate", "ar" -> d.autoRotate = bool(o, o.single());
                case "strip_metadata", "sm" -> {
                    if (!bool(o, o.single())) {
                        throw o.invalid("metadata is always stripped (only true is accepted)");
                    }
                }
                case "keep_copyright", "kcr" -> d.keepCopyright = bool(o, o.single());
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

    private void expand(Draft d, Option o, String name, int depth) {
        Presets.Preset preset = presets.find(name).orElseThrow(() ->
                new InvalidOptionsException("unknown_preset", "unknown preset '" + clip(name) + "' in '" + clip(o.segment) + "'"));
        if (depth >= Presets.MAX_DEPTH) {
            throw o.invalid("presets are nested too deeply");
        }
        apply(d, preset.options(), depth + 1);
    }

    private void checkSize(VariantSpec spec) {
        if (spec.width() > maxSide || spec.height() > maxSide) {
            throw tooLarge(spec, "at most " + maxSide + " pixels per side");
        }
        if (spec.width() > 0 && spec.height() > 0 && (long) spec.width() * spec.height() > maxPixels) {
            throw tooLarge(spec, "at most " + maxPixels + " pixels");
        }
    }

    private static InvalidOptionsException tooLarge(VariantSpec spec, String limit) {
        return new InvalidOptionsException("variant_too_large",
                "the variant would be " + spec.width() + "x" + spec.height() + " pixels; " + limit + " are allowed");
    }

    // ---- argument parsers: each names the segment in its error

    private static Resize resizeType(Option o, String code) {
        return Resize.fromCode(code).orElseThrow(() -> o.invalid("resizing type must be fit, fill or force"));
    }

    private static int whole(Option o, String text, String what) {
        if (!WHOLE.matcher(text).matches()) {
            throw o.invalid(what + " must be a whole number of pixels");
        }
        return Integer.parseInt(text);
    }

    private static int bounded(Option o, String text, String what, int max) {
        if (!WHOLE.matcher(text).matches() || Integer.parseInt(text) > max) {
            throw o.invalid(what + " must be a whole number from 0 to " + max);
        }
        return Integer.parseInt(text);
    }

    private int offset(Option o, String text) {
        if (!SIGNED.matcher(text).matches() || Math.abs(Integer.parseInt(text)) > maxSide) {
            throw o.invalid("watermark offsets must be whole numbers from -" + maxSide + " to " + maxSide);
        }
        return Integer.parseInt(text);
    }

    /** A decimal number within [min, max]. */
    private static double decimal(Option o, String text, String what, double min, double max) {
        double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : -1;
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

    private static boolean bool(Option o, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "t", "true" -> true;
            case "0", "f", "false" -> false;
            default -> throw o.invalid("expected 1, 0, t, f, true or false");
        };
    }

    private static Gravity gravity(Option o, String code) {
        return Gravity.fromCode(code).orElseThrow(() ->
                o.invalid("gravity must be one of ce, no, so, ea, we, noea, nowe, soea, sowe, sm"));
    }

    private static Gravity watermarkPosition(Option o, String code) {
        if (code.equals("re")) {
            throw o.invalid("the replicated watermark position 're' is not supported");
        }
        Gravity position = gravity(o, code);
        if (position == Gravity.SMART) {
            throw o.invalid("'sm' is not a watermark position");
        }
        return position;
    }

    private static int rotation(Option o, String text) {
        return switch (text) {
            case "0", "90", "180", "270" -> Integer.parseInt(text);
            default -> throw o.invalid("rotation must be 0, 90, 180 or 270");
        };
    }

    private static VariantSpec.Rgb background(Option o) {
        List<String> args = o.args;
        if (args.isEmpty()) {
            return null;
        }
        if (args.size() == 1 && HEX_COLOUR.matcher(args.get(0)).matches()) {
            String hex = args.get(0);
            if (hex.length() == 3) {
                hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
            }
            int rgb = Integer.parseInt(hex, 16);
            return new VariantSpec.Rgb(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff);
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

    /** The options applied so far, unresolved. */
    private static final class Draft {
        Resize resize = Resize.FIT;
        int width;
        int height;
        boolean enlarge;
        Gravity gravity = Gravity.CENTRE;
        int cropWidth;
        int cropHeight;
        Gravity cropGravity; // null: follow gravity
        double dpr = 1;
        int quality; // 0: the default
        int rotate;
        boolean flipX;
        boolean flipY;
        double blur;
        double sharpen;
        VariantSpec.Rgb background;
        double wmOpacity; // 0: no watermark
        Gravity wmPosition = Gravity.CENTRE;
        int wmOffsetX;
        int wmOffsetY;
        double wmScale;
        boolean autoRotate = true;
        boolean keepCopyright = true;

        /**
         * The canonical spec: dpr multiplied out, defaults filled in, and whatever cannot change the output reset,
         * so equal outputs get equal specs.
         */
        VariantSpec resolve() {
            int w = scaled(width);
            int h = scaled(height);
            Resize type = resize;
            boolean enlarges = enlarge;
            if (w == 0 && h == 0) { // no resize: type and enlarge do not matter
                type = Resize.FIT;
                enlarges = false;
            } else if (type == Resize.FILL && (w == 0 || h == 0)) { // one side follows the aspect ratio: nothing to crop
                type = Resize.FIT;
            }
            Gravity fillGravity = type == Resize.FILL ? gravity : Gravity.CENTRE;

            VariantSpec.Crop crop = null;
            if (cropWidth > 0 || cropHeight > 0) {
                Gravity g = cropGravity != null ? cropGravity : gravity;
                crop = new VariantSpec.Crop(cropWidth, cropHeight, alongCroppedAxes(g, cropWidth > 0, cropHeight > 0));
            }

            // flipping both ways is a half turn, and a vertical flip is a horizontal one plus a half turn
            int turn = rotate;
            boolean mirror = flipX;
            if (flipY) {
                mirror = !mirror;
                turn = (turn + 180) % 360;
            }

            VariantSpec.Watermark watermark = wmOpacity > 0
                    ? new VariantSpec.Watermark(wmOpacity, wmPosition, wmOffsetX, wmOffsetY, wmScale) : null;
            return new VariantSpec(type, w, h, enlarges, fillGravity, crop, turn, mirror, false, blur, sharpen,
                    background, watermark, autoRotate, quality == 0 ? VariantSpec.DEFAULT_QUALITY : quality,
                    keepCopyright);
        }

        private int scaled(int side) {
            if (side == 0 || dpr == 1) {
                return side;
            }
            long value = Math.max(1, Math.round(side * dpr));
            return (int) Math.min(value, Integer.MAX_VALUE);
        }

        /** A crop that keeps a full side cannot move along it: keep only the gravity's component on cropped axes. */
        private static Gravity alongCroppedAxes(Gravity g, boolean widthCropped, boolean heightCropped) {
            if (g == Gravity.SMART || widthCropped && heightCropped) {
                return g;
            }
            String code = g.code();
            String vertical = code.startsWith("no") ? "no" : code.startsWith("so") ? "so" : "";
            String horizontal = code.endsWith("ea") ? "ea" : code.endsWith("we") ? "we" : "";
            String kept = (heightCropped ? vertical : "") + (widthCropped ? horizontal : "");
            return kept.isEmpty() ? Gravity.CENTRE : Gravity.fromCode(kept).orElseThrow();
        }
    }
}
