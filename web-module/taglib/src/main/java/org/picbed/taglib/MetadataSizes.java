package org.picbed.taglib;

import org.picbed.client.Images;
import org.picbed.client.PicbedClient;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Image sizes from picbed's metadata API ({@code GET /api/images/<id>}) with a small cache: an image's bytes never
 * change (its id is their SHA-256), so a size is kept until the cache is full (least recently used first out); a
 * miss (unknown image, picbed unreachable) is remembered for {@link #MISS_SECONDS} so a page full of them does not
 * wait on picbed for each.
 */
public final class MetadataSizes implements ImageSizes {

    public static final int DEFAULT_ENTRIES = 10_000;
    static final long MISS_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(MetadataSizes.class.getName());

    private record Entry(Size size, long missUntil) {
    }

    private final PicbedClient client;
    private final Clock clock;
    private final Map<String, Entry> cache;

    public MetadataSizes(PicbedClient client, int entries) {
        this(client, entries, Clock.systemUTC());
    }

    MetadataSizes(PicbedClient client, int entries, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > entries;
            }
        };
    }

    @Override
    public Optional<Size> of(String imageId) {
        long now = clock.millis();
        synchronized (cache) {
            Entry known = cache.get(imageId);
            if (known != null && (known.size() != null || known.missUntil() > now)) {
                return Optional.ofNullable(known.size());
            }
        }
        Size size = null;
        try {
            size = client.image(imageId).map(MetadataSizes::shown).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "<picbed:img>: no size for " + imageId + " from " + client);
        }
        synchronized (cache) {
            cache.put(imageId, new Entry(size, size == null ? now + MISS_SECONDS * 1000 : 0));
        }
        return Optional.ofNullable(size);
    }

    private static Size shown(Images.Info info) {
        return new Size(info.width(), info.height());
    }
}
