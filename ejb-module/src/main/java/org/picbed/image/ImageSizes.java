package org.picbed.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Map<String, Size> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Size> eldest) {
            return size() > CAPACITY;
        }
    };

    @Inject
    ImageCatalog catalog;

    /** The size, or empty when the image is not (or no longer) here. */
    public Optional<Size> of(ImageId id) {
        synchronized (known) {
            Size size = known.get(id.hex());
            if (size != null) {
                return Optional.of(size);
            }
        }
        Optional<Size> found = catalog.find(id).map(image -> new Size(image.width(), image.height()));
        found.ifPresent(size -> {
            synchronized (known) {
                known.put(id.hex(), size);
            }
        });
        return found;
    }
}
