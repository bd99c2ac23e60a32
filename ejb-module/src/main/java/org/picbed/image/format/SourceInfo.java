package org.picbed.image.format;

import org.picbed.image.ImageFormat;

/**
 * What a source's headers say before any pixel is decoded: what the renderer and the variant server need.
 *
 * @param format         the sniffed format
 * @param width          stored width (before orientation), 0 when only the decoder knows it
 * @param height         stored height
 * @param orientation    EXIF orientation 1-8 (1 when absent)
 * @param icc            the embedded ICC profile, or null
 * @param copyright      the copyright notice (EXIF Copyright, XMP dc:rights or PNG Copyright text), or null
 * @param jpegComponents JPEG: number of colour components in the frame header (4 = CMYK/YCCK), else 0
 * @param jpegPrecision  JPEG: sample precision in bits, else 0
 * @param adobe          JPEG: has an Adobe APP14 segment
 * @param alpha          whether the image may have transparent pixels: PNG with alpha or a palette, GIF, ICO,
 *                       WebP lossless or with the VP8X alpha flag
 * @param progressive    JPEG: a progressive frame (SOF2, SOF6, SOF10, SOF14)
 */
public record SourceInfo(ImageFormat format, int width, int height, int orientation, byte[] icc, String copyright,
                         int jpegComponents, int jpegPrecision, boolean adobe, boolean alpha, boolean progressive) {

    /** Facts of a format whose headers tell nothing beyond the format (and perhaps a size). */
    static SourceInfo plain(ImageFormat format, int width, int height, boolean alpha) {
        return new SourceInfo(format, width, height, 1, null, null, 0, 0, false, alpha, false);
    }

    public boolean swapsAxes() {
        return orientation >= 5 && orientation <= 8;
    }

    /** A JPEG that libjpeg-turbo decodes to RGB correctly: 8-bit, one or three components. */
    public boolean plainJpeg() {
        return format == ImageFormat.JPEG && jpegPrecision == 8 && (jpegComponents == 1 || jpegComponents == 3);
    }
}
