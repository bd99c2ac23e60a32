package org.picbed.variant.render;

import org.picbed.image.ImageFormat;

/**
 * What the renderer learns from a source's headers before decoding pixels.
 *
 * @param format        the sniffed format
 * @param width         stored width (before orientation), 0 when only the decoder knows it
 * @param height        stored height
 * @param orientation   EXIF orientation 1-8 (1 when absent)
 * @param icc           the embedded ICC profile, or null
 * @param copyright     the copyright notice (EXIF Copyright, XMP dc:rights or PNG Copyright text), or null
 * @param jpegComponents JPEG: number of colour components in the frame header (4 = CMYK/YCCK), else 0
 * @param jpegPrecision JPEG: sample precision in bits, else 0
 * @param adobe         JPEG: has an Adobe APP14 segment
 */
record SourceInfo(ImageFormat format, int width, int height, int orientation, byte[] icc, String copyright,
                  int jpegComponents, int jpegPrecision, boolean adobe) {

    boolean swapsAxes() {
        return orientation >= 5 && orientation <= 8;
    }

    /** A JPEG that libjpeg-turbo decodes to RGB correctly: 8-bit, one or three components. */
    boolean plainJpeg() {
        return format == ImageFormat.JPEG && jpegPrecision == 8 && (jpegComponents == 1 || jpegComponents == 3);
    }
}
