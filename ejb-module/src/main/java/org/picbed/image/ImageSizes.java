package org.picbed.image;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Images' display sizes for pages ({@code <img width height>}), remembered per node: an image's bytes, hence its
 * size, never change, so a page full of images costs one catalogue read per image per node, once.
 */
@ApplicationScoped
public class ImageSizes {

    /** Width and height as shown (after the EXIF orientation). */
    public record Size(int width, int height) {
    }

    private static final int CAPACITY = 50_000;

    private final Cache<String, Size> known = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    @Inject
    ImageCatalog catalog;

    /** The size, or empty when the image is not (or no longer) here. */
    public Optional<Size> of(ImageId id) {
        Size size = known.getIfPresent(id.hex());
        if (size != null) {
            return Optional.of(size);
        }
        Optional<Size> found = catalog.find(id).map(image -> new Size(image.width(), image.height()));
        found.ifPresent(s -> known.put(id.hex(), s));
        return found;
    }
}
