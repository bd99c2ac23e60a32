package org.picbed.variant.render;

import org.picbed.image.ImageFormat;

/**
 * A rendered variant: the encoded bytes, their format and pixel size, and whether an animated source was cut to
 * its first frame because it exceeded the frame or pixel budget.
 */
public record Rendition(byte[] bytes, ImageFormat format, int width, int height, boolean animationTruncated) {
}
