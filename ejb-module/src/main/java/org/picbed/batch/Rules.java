package org.picbed.batch;

import org.picbed.client.spec.InvalidOptionsException;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;
import org.picbed.variant.render.ImageRenderer;
import org.picbed.variant.render.RenderException;
import org.picbed.variant.render.Rendition;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantOptions;
import org.picbed.client.spec.VariantSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Processing applied to an image before it is stored, in order: each rule is variant options
 * ({@code c:800:600}, {@code rs:fit:1200:1200}, {@code rot:90}, {@code wm:0.5:soea}, {@code bl:2}, {@code pr:large}
 * ...; see docs/url-api.md) and is applied to the result of the one before, so {@code c:800:600} then
 * {@code rs:fit:400:400} differs from the reverse. Two rules are not options: {@code format:<jpg|png|webp|gif>}
 * (the stored format; default: the source's, or PNG for BMP/ICO) and {@code quality:<1-100>} (for the final
 * encode; {@code q:} inside a rule does the same). Metadata is always stripped (EXIF orientation applied).
 * Intermediate results are kept lossless (PNG), so only the final encode loses anything.
 */
public record Rules(List<Step> steps, String format, int quality) {

    public static final int MAX_RULES = 16;

    /** One processing step: the rule as given and as resolved. */
    public record Step(String rule, VariantSpec spec) {
    }

    public static final Rules NONE = new Rules(List.of(), null, 0);

    /** @throws PicbedException 400 {@code invalid_rule} naming the rule and what is wrong with it */
    public static Rules parse(List<String> rules, VariantOptions options) {
        if (rules == null || rules.isEmpty()) {
            return NONE;
        }
        if (rules.size() > MAX_RULES) {
            throw invalid("at most " + MAX_RULES + " rules");
        }
        List<Step> steps = new ArrayList<>();
        String format = null;
        int quality = 0;
        for (String raw : rules) {
            String rule = raw == null ? "" : raw.strip();
            String lower = rule.toLowerCase(Locale.ROOT);
            if (lower.startsWith("format:") || lower.startsWith("f:")) {
                format = lower.substring(lower.indexOf(':') + 1);
                if (!List.of("jpg", "jpeg", "png", "webp", "gif").contains(format)) {
                    throw invalid("'" + rule + "': the format is jpg, png, webp or gif");
                }
                continue;
            }
            if (lower.startsWith("quality:")) {
                try {
                    quality = Integer.parseInt(lower.substring(8));
                } catch (NumberFormatException e) {
                    quality = -1;
                }
                if (quality < 1 || quality > 100) {
                    throw invalid("'" + rule + "': the quality is 1 to 100");
                }
                continue;
            }
            if (lower.equals("strip_metadata") || lower.equals("sm:1") || lower.equals("sm")) {
                continue; // always done
            }
            if (rule.isEmpty()) {
                throw invalid("an empty rule");
            }
            try {
                steps.add(new Step(rule, options.parse(rule)));
            } catch (InvalidOptionsException e) {
                throw invalid("'" + rule + "': " + e.getMessage());
            }
        }
        return new Rules(steps, format, quality);
    }

    /**
     * The rule strings of a JSON value (absent or null: none).
     *
     * @throws PicbedException 400 {@code invalid_rule} unless it is a list of strings
     */
    public static List<String> strings(jakarta.json.JsonValue value, String where) {
        List<String> rules = new ArrayList<>();
        if (value == null || value == jakarta.json.JsonValue.NULL) {
            return rules;
        }
        if (!(value instanceof jakarta.json.JsonArray array)) {
            throw invalid("'" + where + "': a list of rule strings");
        }
        for (jakarta.json.JsonValue rule : array) {
            if (!(rule instanceof jakarta.json.JsonString text)) {
                throw invalid("'" + where + "': a list of rule strings");
            }
            rules.add(text.getString());
        }
        return rules;
    }

    public boolean isEmpty() {
        return steps.isEmpty() && format == null && quality == 0;
    }

    /** The result of processing: the bytes to store, their format and size, and what was applied, in order. */
    public record Processed(byte[] bytes, ImageFormat format, int width, int height, List<String> applied) {
    }

    /**
     * @param source       the image's bytes
     * @param sourceFormat what they are (an accepted format)
     * @throws RenderException when the image cannot be processed
     */
    public Processed apply(byte[] source, ImageFormat sourceFormat, ImageRenderer renderer) throws RenderException {
        ImageFormat target = format != null ? formatOf(format) : VariantKey.isOutput(sourceFormat) ? sourceFormat : ImageFormat.PNG;
        List<Step> work = new ArrayList<>(steps);
        if (work.isEmpty()) {
            work.add(new Step("", VariantSpec.IDENTITY)); // a format or quality change alone
        }
        List<String> applied = new ArrayList<>();
        byte[] current = source;
        Rendition last = null;
        for (int i = 0; i < work.size(); i++) {
            boolean final_ = i == work.size() - 1;
            VariantSpec spec = work.get(i).spec();
            if (final_ && quality > 0) {
                spec = withQuality(spec, quality);
            }
            last = renderer.render(current, spec, final_ ? target : losslessFor(target));
            current = last.bytes();
            if (!work.get(i).rule().isEmpty()) {
                applied.add(spec.canonical());
            }
        }
        if (format != null) {
            applied.add("format:" + target.extension());
        }
        if (quality > 0) {
            applied.add("quality:" + quality);
        }
        return new Processed(current, last.format(), last.width(), last.height(), applied);
    }

    /** GIF keeps its frames between steps; everything else goes through PNG. */
    private static ImageFormat losslessFor(ImageFormat target) {
        return target == ImageFormat.GIF ? ImageFormat.GIF : ImageFormat.PNG;
    }

    private static VariantSpec withQuality(VariantSpec s, int quality) {
        return s.toBuilder().quality(quality).build();
    }

    private static ImageFormat formatOf(String ext) {
        return switch (ext) {
            case "jpg", "jpeg" -> ImageFormat.JPEG;
            case "png" -> ImageFormat.PNG;
            case "webp" -> ImageFormat.WEBP;
            default -> ImageFormat.GIF;
        };
    }

    private static PicbedException invalid(String detail) {
        return new PicbedException(400, "invalid_rule", detail);
    }
}
