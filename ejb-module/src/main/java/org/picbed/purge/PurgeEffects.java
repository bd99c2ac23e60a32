package org.picbed.purge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.variant.spec.VariantSpecs;
import org.picbed.cache.HotImageCache;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantOptions;
import org.picbed.client.spec.VariantSpec;
import org.picbed.variant.store.VariantStore;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a purge does at this site: the replicated hot cache drops the entries (every node of the site), the
 * rendered variants leave the shared volume (so they are rendered again), and the front caches are told.
 * Originals are never touched: a purge is about caches, not content.
 */
@ApplicationScoped
public class PurgeEffects {

    @Inject
    HotImageCache hot;

    @Inject
    VariantStore variants;

    @Inject
    VariantOptions options;

    @Inject
    ImageCatalog catalog;

    @Inject
    FrontCaches frontCaches;

    /** The spec of a variant purge: a preset name ({@code thumb}) or variant options ({@code rs:fit:300:300}). */
    public VariantSpec spec(String text) {
        String trimmed = text.trim();
        return VariantSpecs.parse(options, trimmed.matches("[a-z0-9_-]+") && options.presets().find(trimmed).isPresent() ? "pr:" + trimmed : trimmed);
    }

    public PurgeOutcome apply(PurgeRequest request) {
        try {
            PurgeOutcome outcome = switch (request.scope()) {
                case IMAGE -> image(request.image().orElseThrow());
                case VARIANT -> variant(request.image().orElseThrow(), spec(request.spec().orElseThrow()));
                case ALL -> everything();
            };
            frontCaches.purge(request);
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PurgeOutcome image(ImageId id) throws IOException {
        int evicted = hot.evictPrefix(id.hex() + "/");
        int removed = variants.deleteAll(id);
        return new PurgeOutcome(catalog.find(id).isPresent() || evicted + removed > 0, removed, evicted);
    }

    private PurgeOutcome variant(ImageId id, VariantSpec spec) throws IOException {
        int evicted = 0;
        int removed = 0;
        for (ImageFormat format : ImageFormat.values()) {
            if (VariantKey.isOutput(format)) {
                VariantKey key = new VariantKey(id, spec, format);
                evicted += hot.evictKey(key.key()) ? 1 : 0;
                removed += variants.delete(key) ? 1 : 0;
            }
        }
        return new PurgeOutcome(catalog.find(id).isPresent() || evicted + removed > 0, removed, evicted);
    }

    private PurgeOutcome everything() throws IOException {
        int evicted = hot.clear();
        int removed = variants.deleteEverything();
        return new PurgeOutcome(true, removed, evicted);
    }
}
