package org.picbed.client.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A derived image, fully resolved with imgproxy's semantics: every option has its effective value (presets
 * expanded, defaults filled in, what cannot change the output reset), so two URLs that mean the same output give
 * equal specs and one {@link #canonical()} string. The output format is not part of the spec (see VariantKey).
 * Geometry is in the frame of the image as shown: after its EXIF orientation, {@link #rotate} and the flips (see
 * {@link Geometry#layout}).
 *
 * @param resize            how width x height is met
 * @param width             target width in pixels, 0 = follow the aspect ratio (both 0 = no target box)
 * @param height            target height in pixels, 0 = follow the aspect ratio
 * @param zoomX             multiplies the horizontal scale (imgproxy {@code zoom}), not offsets or padding
 * @param zoomY             multiplies the vertical scale
 * @param dpr               multiplies the target, offsets and padding; never enlarges unless {@link #enlarge}
 * @param minWidth          the result is at least this wide (0 = no minimum)
 * @param minHeight         the result is at least this high
 * @param enlarge           whether a smaller source may be scaled up
 * @param gravity           anchor of the window a fill keeps of the scaled image
 * @param crop              a crop of the source before scaling, or null
 * @param trim              trimming of a uniform border before anything else, or null
 * @param extend            extend the result to the target box (background), or null
 * @param extendAspectRatio extend the result to the target box's aspect ratio, or null
 * @param padding           padding around the result (scaled by the dpr), or null
 * @param rotate            clockwise degrees after the EXIF orientation: 0, 90, 180 or 270
 * @param flipX             mirror left-right after rotating (a vertical flip is resolved into a half turn)
 * @param autoRotate        apply the EXIF orientation
 * @param blur              Gaussian blur sigma, 0 = none
 * @param sharpen           sharpen sigma, 0 = none
 * @param pixelate          pixel block size, 0 = none
 * @param background        colour under transparent pixels, extensions and padding, or null (transparent where
 *                          the output has alpha, else white)
 * @param watermark         the configured watermark and where it goes, or null
 * @param quality           encoder quality 1-100 for lossy outputs (resolved: never 0)
 * @param formatQuality     quality per output extension, overriding {@code quality} (resolved away by VariantKey)
 * @param maxBytes          lower the quality until the output fits in this many bytes (0 = no limit)
 * @param keepCopyright     keep the copyright notice when metadata is stripped (metadata is always stripped)
 * @param skipProcessing    source formats (extensions) served as they are when the output format is theirs
 * @param maxResultDimension the result is scaled down so neither side exceeds this (0 = no limit)
 * @param maxResultWidth    the result is scaled down so it is at most this wide (0 = no limit)
 * @param maxResultHeight   the result is scaled down so it is at most this high (0 = no limit)
 * @param maxSourcePixels   a larger source is refused (422) instead of rendered (0 = the server's limit only;
 *                          imgproxy's {@code max_src_resolution} in megapixels)
 */
public record VariantSpec(Resize resize, int width, int height, double zoomX, double zoomY, double dpr,
                          int minWidth, int minHeight, boolean enlarge, Position gravity, Crop crop, Trim trim,
                          Extend extend, Extend extendAspectRatio, Padding padding, int rotate, boolean flipX,
                          boolean autoRotate, double blur, double sharpen, int pixelate, Rgb background,
                          Watermark watermark, int quality, SortedMap<String, Integer> formatQuality, long maxBytes,
                          boolean keepCopyright, SortedSet<String> skipProcessing, int maxResultDimension,
                          int maxResultWidth, int maxResultHeight, long maxSourcePixels) {

    public static final int DEFAULT_QUALITY = 80;

    /** The unchanged image (re-encoded only when the format differs). */
    public static final VariantSpec IDENTITY = builder().build();

    public VariantSpec {
        if (resize == null || gravity == null) {
            throw new IllegalArgumentException("resize and gravity are required");
        }
        if (width < 0 || height < 0 || quality < 1 || quality > 100 || rotate % 90 != 0 || rotate < 0 || rotate >= 360
                || blur < 0 || sharpen < 0 || pixelate < 0 || !(zoomX > 0) || !(zoomY > 0) || !(dpr > 0)
                || minWidth < 0 || minHeight < 0 || maxBytes < 0 || maxResultDimension < 0 || maxResultWidth < 0
                || maxResultHeight < 0 || maxSourcePixels < 0) {
            throw new IllegalArgumentException("variant option out of range");
        }
        formatQuality = Collections.unmodifiableSortedMap(new TreeMap<>(formatQuality == null ? Map.of() : formatQuality));
        skipProcessing = Collections.unmodifiableSortedSet(new TreeSet<>(skipProcessing == null ? List.of() : skipProcessing));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether the size changes at all before extending and padding (a target box, zoom, dpr or minimum). */
    public boolean resizes() {
        return width > 0 || height > 0 || zoomX != 1 || zoomY != 1 || dpr != 1 || minWidth > 0 || minHeight > 0;
    }

    /** The quality for an output extension: its {@code fq} entry, else {@code q}. */
    public int qualityFor(String extension) {
        return formatQuality.getOrDefault(extension, quality);
    }

    /** This spec for one output format: the per-format qualities resolved into {@link #quality}. */
    public VariantSpec forOutput(String extension) {
        if (formatQuality.isEmpty()) {
            return this;
        }
        return toBuilder().quality(qualityFor(extension)).formatQuality(Map.of()).build();
    }

    /**
     * The one spelling of this spec: imgproxy-style options in a fixed order, defaults left out. Parsing it
     * gives back an equal spec.
     */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        if (trim != null) {
            parts.add(trim.canonical());
        }
        if (crop != null) {
            parts.add("c:" + number(crop.width()) + ":" + number(crop.height()) + ":" + crop.gravity().canonical());
        }
        if (width > 0 || height > 0 || resize == Resize.FORCE || enlarge) {
            parts.add("rs:" + resize.code() + ":" + width + ":" + height + (enlarge ? ":1" : ""));
        }
        if (zoomX != 1 || zoomY != 1) {
            parts.add("z:" + number(zoomX) + ":" + number(zoomY));
        }
        if (dpr != 1) {
            parts.add("dpr:" + number(dpr));
        }
        if (minWidth > 0) {
            parts.add("mw:" + minWidth);
        }
        if (minHeight > 0) {
            parts.add("mh:" + minHeight);
        }
        if (!gravity.equals(Position.CENTRE)) {
            parts.add("g:" + gravity.canonical());
        }
        if (extend != null) {
            parts.add("ex:1:" + extend.gravity().canonical());
        }
        if (extendAspectRatio != null) {
            parts.add("exar:1:" + extendAspectRatio.gravity().canonical());
        }
        if (padding != null) {
            parts.add("pd:" + padding.top() + ":" + padding.right() + ":" + padding.bottom() + ":" + padding.left());
        }
        if (rotate != 0) {
            parts.add("rot:" + rotate);
        }
        if (flipX) {
            parts.add("fl:1:0");
        }
        if (blur > 0) {
            parts.add("bl:" + number(blur));
        }
        if (sharpen > 0) {
            parts.add("sh:" + number(sharpen));
        }
        if (pixelate > 0) {
            parts.add("pix:" + pixelate);
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
        if (!formatQuality.isEmpty()) {
            StringBuilder fq = new StringBuilder("fq");
            formatQuality.forEach((ext, q) -> fq.append(':').append(ext).append(':').append(q));
            parts.add(fq.toString());
        }
        if (maxBytes > 0) {
            parts.add("mb:" + maxBytes);
        }
        if (!keepCopyright) {
            parts.add("kcr:0");
        }
        if (!skipProcessing.isEmpty()) {
            parts.add("skp:" + String.join(":", skipProcessing));
        }
        if (maxResultDimension > 0) {
            parts.add("mrd:" + maxResultDimension);
        }
        if (maxResultWidth > 0) {
            parts.add("mrw:" + maxResultWidth);
        }
        if (maxResultHeight > 0) {
            parts.add("mrh:" + maxResultHeight);
        }
        if (maxSourcePixels > 0) {
            parts.add("msr:" + java.math.BigDecimal.valueOf(maxSourcePixels).movePointLeft(6).stripTrailingZeros()
                    .toPlainString());
        }
        return parts.isEmpty() ? "orig" : String.join("/", parts);
    }

    /** A decimal with at most 4 decimals, no trailing zeros. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4f", value)
                .replaceAll("0+$", "");
    }

    /**
     * An anchor with offsets: for the compass gravities and centre, pixels (at least 1, scaled by the dpr) or
     * fractions of the image (below 1) away from the anchored edge; for {@link Gravity#FOCUS_POINT} the point as
     * fractions of width and height.
     */
    public record Position(Gravity type, double x, double y) {
        public static final Position CENTRE = new Position(Gravity.CENTRE, 0, 0);

        public Position {
            if (type == null || !Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("a position needs a gravity and finite offsets");
            }
        }

        public static Position of(Gravity type) {
            return new Position(type, 0, 0);
        }

        String canonical() {
            return x == 0 && y == 0 && type != Gravity.FOCUS_POINT ? type.code()
                    : type.code() + ":" + number(x) + ":" + number(y);
        }
    }

    /**
     * A crop of the source before scaling: each side in pixels (at least 1), as a fraction of the source's side
     * (below 1) or 0 for the whole side, at a position.
     */
    public record Crop(double width, double height, Position gravity) {
        public Crop {
            if (width < 0 || height < 0 || gravity == null) {
                throw new IllegalArgumentException("crop option out of range");
            }
        }
    }

    /** Trimming a border of one colour (the top-left pixel's, or {@code colour}) within a threshold. */
    public record Trim(double threshold, Rgb colour, boolean equalHorizontal, boolean equalVertical) {
        String canonical() {
            return "t:" + number(threshold) + ":" + (colour == null ? "" : colour.hex()) + ":"
                    + (equalHorizontal ? 1 : 0) + ":" + (equalVertical ? 1 : 0);
        }
    }

    /** Extending the canvas, placing the image at a position. */
    public record Extend(Position gravity) {
    }

    /** Padding in pixels at each side (scaled by the dpr). */
    public record Padding(int top, int right, int bottom, int left) {
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
     * The configured watermark image drawn with an opacity at a position (offsets in pixels or fractions, as
     * gravity offsets) or replicated over the whole image (offsets = spacing), scaled to a fraction of the output
     * (0 = its own size).
     */
    public record Watermark(double opacity, Position position, boolean replicate, double scale) {
        public Watermark {
            if (!(opacity > 0 && opacity <= 1) || position == null || scale < 0 || scale > 1) {
                throw new IllegalArgumentException("watermark option out of range");
            }
        }

        String canonical() {
            String where = replicate ? "re:" + number(position.x()) + ":" + number(position.y())
                    : position.type().code() + ":" + number(position.x()) + ":" + number(position.y());
            return "wm:" + number(opacity) + ":" + where + ":" + number(scale);
        }
    }

    /** Builds specs; unset options keep imgproxy's defaults. */
    public static final class Builder {
        private Resize resize = Resize.FIT;
        private int width;
        private int height;
        private double zoomX = 1;
        private double zoomY = 1;
        private double dpr = 1;
        private int minWidth;
        private int minHeight;
        private boolean enlarge;
        private Position gravity = Position.CENTRE;
        private Crop crop;
        private Trim trim;
        private Extend extend;
        private Extend extendAspectRatio;
        private Padding padding;
        private int rotate;
        private boolean flipX;
        private boolean autoRotate = true;
        private double blur;
        private double sharpen;
        private int pixelate;
        private Rgb background;
        private Watermark watermark;
        private int quality = DEFAULT_QUALITY;
        private Map<String, Integer> formatQuality = Map.of();
        private long maxBytes;
        private boolean keepCopyright = true;
        private SortedSet<String> skipProcessing = new TreeSet<>();
        private int maxResultDimension;
        private int maxResultWidth;
        private int maxResultHeight;
        private long maxSourcePixels;

        Builder() {
        }

        Builder(VariantSpec s) {
            resize = s.resize;
            width = s.width;
            height = s.height;
            zoomX = s.zoomX;
            zoomY = s.zoomY;
            dpr = s.dpr;
            minWidth = s.minWidth;
            minHeight = s.minHeight;
            enlarge = s.enlarge;
            gravity = s.gravity;
            crop = s.crop;
            trim = s.trim;
            extend = s.extend;
            extendAspectRatio = s.extendAspectRatio;
            padding = s.padding;
            rotate = s.rotate;
            flipX = s.flipX;
            autoRotate = s.autoRotate;
            blur = s.blur;
            sharpen = s.sharpen;
            pixelate = s.pixelate;
            background = s.background;
            watermark = s.watermark;
            quality = s.quality;
            formatQuality = s.formatQuality;
            maxBytes = s.maxBytes;
            keepCopyright = s.keepCopyright;
            skipProcessing = new TreeSet<>(s.skipProcessing);
            maxResultDimension = s.maxResultDimension;
            maxResultWidth = s.maxResultWidth;
            maxResultHeight = s.maxResultHeight;
            maxSourcePixels = s.maxSourcePixels;
        }

        public Builder resize(Resize type, int w, int h) {
            resize = type;
            width = w;
            height = h;
            return this;
        }

        public Builder zoom(double x, double y) {
            zoomX = x;
            zoomY = y;
            return this;
        }

        public Builder dpr(double value) {
            dpr = value;
            return this;
        }

        public Builder min(int w, int h) {
            minWidth = w;
            minHeight = h;
            return this;
        }

        public Builder enlarge(boolean value) {
            enlarge = value;
            return this;
        }

        public Builder enlarge() {
            return enlarge(true);
        }

        public Builder gravity(Gravity g) {
            return gravity(Position.of(g));
        }

        public Builder gravity(Position p) {
            gravity = p;
            return this;
        }

        public Builder crop(double w, double h, Gravity g) {
            return crop(new Crop(w, h, Position.of(g)));
        }

        public Builder crop(Crop c) {
            crop = c;
            return this;
        }

        public Builder trim(Trim t) {
            trim = t;
            return this;
        }

        public Builder extend(Extend e) {
            extend = e;
            return this;
        }

        public Builder extendAspectRatio(Extend e) {
            extendAspectRatio = e;
            return this;
        }

        public Builder padding(Padding p) {
            padding = p;
            return this;
        }

        public Builder rotate(int degrees) {
            rotate = degrees;
            return this;
        }

        public Builder flip(boolean x, boolean y) {
            flipX = x;
            if (y) { // a vertical flip is a horizontal one and a half turn
                flipX = !flipX;
                rotate = (rotate + 180) % 360;
            }
            return this;
        }

        public Builder autoRotate(boolean value) {
            autoRotate = value;
            return this;
        }

        public Builder blur(double sigma) {
            blur = sigma;
            return this;
        }

        public Builder sharpen(double sigma) {
            sharpen = sigma;
            return this;
        }

        public Builder pixelate(int size) {
            pixelate = size;
            return this;
        }

        public Builder background(Rgb colour) {
            background = colour;
            return this;
        }

        public Builder background(int r, int g, int b) {
            return background(new Rgb(r, g, b));
        }

        public Builder watermark(Watermark w) {
            watermark = w;
            return this;
        }

        public Builder watermark(double opacity, Gravity position, int x, int y, double scale) {
            return watermark(new Watermark(opacity, new Position(position, x, y), false, scale));
        }

        public Builder quality(int q) {
            quality = q;
            return this;
        }

        public Builder formatQuality(Map<String, Integer> perExtension) {
            formatQuality = perExtension;
            return this;
        }

        public Builder maxBytes(long bytes) {
            maxBytes = bytes;
            return this;
        }

        public Builder keepCopyright(boolean value) {
            keepCopyright = value;
            return this;
        }

        public Builder skipProcessing(java.util.Collection<String> extensions) {
            skipProcessing = new TreeSet<>(extensions);
            return this;
        }

        public Builder maxResultDimension(int pixels) {
            maxResultDimension = pixels;
            return this;
        }

        public Builder maxResultSize(int w, int h) {
            maxResultWidth = w;
            maxResultHeight = h;
            return this;
        }

        public Builder maxSourcePixels(long pixels) {
            maxSourcePixels = pixels;
            return this;
        }

        public VariantSpec build() {
            return new VariantSpec(resize, width, height, zoomX, zoomY, dpr, minWidth, minHeight, enlarge, gravity,
                    crop, trim, extend, extendAspectRatio, padding, rotate, flipX, autoRotate, blur, sharpen, pixelate,
                    background, watermark, quality, new TreeMap<>(formatQuality), maxBytes, keepCopyright,
                    skipProcessing, maxResultDimension, maxResultWidth, maxResultHeight, maxSourcePixels);
        }
    }
}
