package org.picbed.variant.render;

/**
 * One image between two render steps: packed ARGB pixels ({@code alpha == false}: opaque, the top byte is
 * ignored) and where the raster sits in the <em>logical</em> image that the spec's geometry talks about.
 * <p>
 * The logical image is the source as the spec sees it (oriented, then cropped): {@code logicalWidth x
 * logicalHeight} source pixels. The raster covers the rectangle {@code cover} of it at its own resolution: a
 * source decoded at 1/8 scale has a raster 8x smaller than its cover, a decode limited to a region covers only
 * that region. After the resize step the raster is the logical image (scale 1, full cover).
 */
final class Frame {

    final int[] px;
    final int width;
    final int height;
    final boolean alpha;
    final int logicalWidth;
    final int logicalHeight;
    final double coverX;
    final double coverY;
    final double coverW;
    final double coverH;

    Frame(int[] px, int width, int height, boolean alpha, int logicalWidth, int logicalHeight,
          double coverX, double coverY, double coverW, double coverH) {
        if (px.length < width * height || width < 1 || height < 1) {
            throw new IllegalArgumentException("bad raster " + width + "x" + height);
        }
        this.px = px;
        this.width = width;
        this.height = height;
        this.alpha = alpha;
        this.logicalWidth = logicalWidth;
        this.logicalHeight = logicalHeight;
        this.coverX = coverX;
        this.coverY = coverY;
        this.coverW = coverW;
        this.coverH = coverH;
    }

    /** A raster that is its whole logical image. */
    static Frame of(int[] px, int width, int height, boolean alpha) {
        return new Frame(px, width, height, alpha, width, height, 0, 0, width, height);
    }

    /** Raster pixels per logical pixel, horizontally. */
    double scaleX() {
        return width / coverW;
    }

    double scaleY() {
        return height / coverH;
    }

    /** The same raster mapping with other pixels of the same size. */
    Frame withPixels(int[] newPx, boolean newAlpha) {
        return new Frame(newPx, width, height, newAlpha, logicalWidth, logicalHeight, coverX, coverY, coverW, coverH);
    }

    boolean isWhole() {
        return width == logicalWidth && height == logicalHeight && coverX == 0 && coverY == 0
                && coverW == logicalWidth && coverH == logicalHeight;
    }
}
