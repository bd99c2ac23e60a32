package org.picbed.client.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A derived image, fully resolved: every option has its effective value (presets expanded, defaults filled in,
 * dpr multiplied out), so two URLs that mean the same output give equal specs and one {@link #canonical()}
 * string. The output format is not part of the spec (see {@link VariantKey}).
 *
 * @param resize      how width x height is met
 * @param width       target width in pixels, 0 = follow the aspect ratio from height (both 0 = no resize)
 * @param height      target height in pixels, 0 = follow the aspect ratio from width
 * @param enlarge     whether a smaller source may be scaled up (false: never enlarge)
 * @param gravity     anchor when {@link Resize#FILL} crops the overflow
 * @param crop        an explicit crop applied to the (oriented) source before resizing, or null
 * @param rotate      clockwise degrees after resizing: 0, 90, 180 or 270
 * @param flipX       mirror left-right
 * @param flipY       mirror top-bottom
 * @param blur        Gaussian blur sigma, 0 = none
 * @param sharpen     sharpen sigma, 0 = none
 * @param background  colour under transparent pixels, or null (white when the output has no alpha)
 * @param watermark   the configured watermark and where it goes, or null
 * @param autoRotate  apply the EXIF orientation first
 * @param quality     encoder quality 1-100 for lossy outputs (resolved: never 0)
 * @param keepCopyright keep the copyright notice when metadata is stripped (metadata is always stripped)
 */
public record VariantSpec(Resize resize, int width, int height, boolean enlarge, Gravity gravity, Crop crop,
                          int rotate, boolean flipX, boolean flipY, double blur, double sharpen, Rgb background,
                          Watermark watermark, boolean autoRotate, int quality, boolean keepCopyright) {

    public static final int DEFAULT_QUALITY = 80;

    /** The unchanged image (re-encoded only when the format differs). */
    public static final VariantSpec IDENTITY = new VariantSpec(Resize.FIT, 0, 0, false, Gravity.CENTRE, null,
            0, false, false, 0, 0, null, null, true, DEFAULT_QUALITY, true);

    public VariantSpec {
        if (resize == null || gravity == null) {
            throw new IllegalArgumentException("resize and gravity are required");
        }
        if (width < 0 || height < 0 || quality < 1 || quality > 100 || rotate % 90 != 0 || rotate < 0 || rotate >= 360
                || blur < 0 || sharpen < 0) {
            throw new IllegalArgumentException("variant option out of range");
        }
    }

    public boolean resizes() {
        return width > 0 || height > 0;
    }

    /**
     * The one spelling of this spec: imgproxy-style options in a fixed order, defaults left out. Parsing it
     * gives back an equal spec.
     */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        if (crop != null) {
            parts.add("c:" + crop.width() + ":" + crop.height() + ":" + crop.gravity().code());
        }
        if (resizes()) {
            parts.add("rs:" + resize.code() + ":" + width + ":" + height + (enlarge ? ":1" : ""));
            if (resize == Resize.FILL && gravity != Gravity.CENTRE) {
                parts.add("g:" + gravity.code());
            }
        }
        if (rotate != 0) {
            parts.add("rot:" + rotate);
        }
        if (flipX || flipY) {
            parts.add("fl:" + (flipX ? 1 : 0) + ":" + (flipY ? 1 : 0));
        }
        if (blur > 0) {
            parts.add("bl:" + number(blur));
        }
        if (sharpen > 0) {
            parts.add("sh:" + number(sharpen));
        }
        if (background != null) {
            parts.add("bg:" + background.hex());
        }
        if (watermark != null) {
            parts.add(watermark.canonical());
        }
        if (!autoRotate) {
            parts.add("ar:0");
        }
        if (quality != DEFAULT_QUALITY) {
            parts.add("q:" + quality);
        }
        if (!keepCopyright) {
            parts.add("kcr:0");
        }
        return parts.isEmpty() ? "orig" : String.join("/", parts);
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value)
                .replaceAll("0+$", "");
    }

    /** An explicit crop of the source: width x height pixels anchored at the gravity (0 = the full side). */
    public record Crop(int width, int height, Gravity gravity) {
    }

    /** An sRGB colour. */
    public record Rgb(int red, int green, int blue) {
        public Rgb {
            if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
                throw new IllegalArgumentException("colour channel out of range");
            }
        }

        public String hex() {
            return String.format(Locale.ROOT, "%02x%02x%02x", red, green, blue);
        }

        public int argb() {
            return 0xff000000 | red << 16 | green << 8 | blue;
        }
    }

    /**
     * The configured watermark image drawn with an opacity at a position, offset in pixels, and scaled to a
     * fraction of the output's width (0 = its own size).
     */
    public record Watermark(double opacity, Gravity position, int offsetX, int offsetY, double scale) {
        public Watermark {
            if (!(opacity > 0 && opacity <= 1) || position == null || scale < 0 || scale > 1) {
                throw new IllegalArgumentException("watermark option out of range");
            }
        }

        String canonical() {
            return "wm:" + number(opacity) + ":" + position.code() + ":" + offsetX + ":" + offsetY + ":" + number(scale);
        }
    }
}
