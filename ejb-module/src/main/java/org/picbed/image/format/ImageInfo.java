package org.picbed.image.format;

import org.picbed.image.ImageFormat;

/** What the headers and structure of an accepted file say it is. */
public record ImageInfo(ImageFormat format, int width, int height, int frames) {
}
