package org.picbed.taglib;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.picbed.client.PicbedClient;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Image sizes from picbed's metadata API ({@code GET /api/images/<id>}) with a small Caffeine cache: an image's
 * bytes never change (its id is their SHA-256), so a size is kept until the cache is full (least used first out);
 * a miss (unknown image, picbed unreachable) is remembered for {@link #MISS} so a page full of them does not wait
 * on picbed for each.
 */
public final class MetadataSizes implements ImageSizes {

    public static final int DEFAULT_ENTRIES = 10_000;
    static final Duration MISS = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(MetadataSizes.class.getName());

    private final PicbedClient client;
    private final Cache<String, Optional<Size>> cache;

    public MetadataSizes(PicbedClient client, int entries) {
        this.client = client;
        this.cache = Caffeine.newBuilder().maximumSize(entries).expireAfter(Expiry.<String, Optional<Size>>creating(
                (id, size) -> size.isPresent() ? Duration.ofNanos(Long.MAX_VALUE) : MISS)).build();
    }

    @Override
    public Optional<Size> of(String imageId) {
        return cache.get(imageId, this::ask);
    }

    private Optional<Size> ask(String imageId) {
        try {
            return client.image(imageId).map(info -> new Size(info.width(), info.height()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "<picbed:img>: no size for " + imageId + " from " + client);
            return Optional.empty();
        }
    }
}
