package org.picbed.taglib;

import java.util.Optional;

/**
 * Where {@code <picbed:img>} learns an image's stored size when the page does not give {@code sourceWidth} and
 * {@code sourceHeight}. By default picbed's metadata API ({@link MetadataSizes}); an application may put its own in
 * the servlet context attribute {@link PicbedTags#SIZES_ATTRIBUTE} (picbed's own shop reads its catalogue).
 */
@FunctionalInterface
public interface ImageSizes {

    /** The image's width and height as shown (after its EXIF orientation). */
    record Size(int width, int height) {
    }

    /** @return empty when the image is unknown or its size cannot be learnt now */
    Optional<Size> of(String imageId);
}
