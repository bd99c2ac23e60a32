package org.picbed.variant.background;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.variant.render.RenderException;
import org.picbed.variant.serve.Variants;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantOptions;
import org.picbed.variant.store.VariantCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Background rendering, called by the queue consumers. A render that cannot succeed (the bytes do not decode
 * with these options) is recorded as failed and not retried; anything that may pass (storage, database) is
 * thrown, so the message is redelivered with back-off and ends in the dead-letter queue.
 */
@ApplicationScoped
public class VariantWork {

    private static final Logger LOG = Logger.getLogger(VariantWork.class.getName());

    @Inject
    Variants variants;

    @Inject
    EagerVariants eager;

    @Inject
    VariantCatalog catalog;

    @Inject
    ImageCatalog images;

    @Inject
    VariantOptions options;

    @Inject
    OriginVariants origins;

    /**
     * Renders the eager presets of a freshly uploaded image. A replica takes them from the site the image was
     * uploaded at when that site serves the same variant (it rendered them for its own upload), and renders only
     * what it cannot get there: after a start of two sites the replica's CPU goes to applying replication.
     */
    public void renderEager(ImageId image, ImageFormat source) {
        String origin = images.find(image).map(org.picbed.image.Image::originSite).orElse(null);
        for (VariantCatalog.Requested r : eager.of(image, source)) {
            if (!fromOrigin(image, origin, r)) {
                render(r.key(), r.preset());
            }
        }
    }

    private boolean fromOrigin(ImageId image, String origin, VariantCatalog.Requested r) {
        Optional<byte[]> bytes = origins.fetch(image, origin, r.key(), r.preset());
        if (bytes.isEmpty()) {
            return false;
        }
        try {
            variants.storeMadeElsewhere(r.key(), r.preset(), bytes.get());
            return true;
        } catch (IOException e) {
            LOG.fine(() -> "storing " + r.key().key() + " from its origin failed; rendering it here: " + e);
            return false;
        }
    }

    /** Renders one variant again from its canonical spec (its stored copy was dropped when it was asked for). */
    public void rerender(ImageId image, String canonicalSpec, ImageFormat format, String preset) {
        render(new VariantKey(image, options.parse(canonicalSpec), format), preset);
    }

    private void render(VariantKey key, String preset) {
        try {
            if (!variants.ensureStored(key, preset)) {
                if (images.find(key.image()).isEmpty()) {
                    LOG.fine(() -> "image " + key.image() + " is gone; nothing to render");
                    return;
                }
                catalog.failed(key, preset, "source_missing: the original's bytes are not in the blob store");
                throw new UncheckedIOException(new IOException("the original of " + key.image() + " is missing from the blob store"));
            }
        } catch (RenderException e) {
            catalog.failed(key, preset, e.reason() + ": " + e.getMessage());
        } catch (IOException e) {
            catalog.failed(key, preset, "storage: " + e.getClass().getSimpleName());
            throw new UncheckedIOException(e);
        }
    }
}
