package org.picbed.cache;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.picbed.config.Settings;

import java.util.List;
import java.util.Optional;

/**
 * The site-wide cache of hot image bytes, keyed by a canonical variant key. It is an Infinispan cache from the
 * {@link HotCacheContainer} port (WildFly's infinispan subsystem, server-config's 30-infinispan.cli; on Payara embedded):
 * replicated to every node of the site, on the heap (a hit is the stored array, not a copy), bounded to
 * {@code PICBED_HOT_CACHE_ENTRIES} entries; values above {@code PICBED_HOT_CACHE_MAX_ITEM_KB} are not cached,
 * so its memory stays below entries x item limit.
 */
@ApplicationScoped
public class HotImageCache {

    public static final String NAME = "hot-images";

    private HotCacheSettings settings;

    @Inject
    void configure(Settings environment) {
        settings = HotCacheSettings.from(environment);
    }

    @Inject
    HotCacheContainer container;

    /** The cache itself, resolved once, as the deployment. */
    private Cache<String, byte[]> cache;

    @PostConstruct
    void resolve() {
        cache = container.hotImages();
    }

    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(cache.get(key));
    }

    /** Caches the bytes unless they are larger than one item may be; returns whether they were cached. */
    public boolean put(String key, byte[] bytes) {
        if (!settings.fits(bytes.length)) {
            return false;
        }
        cache.put(key, bytes);
        return true;
    }

    public void evict(String key) {
        cache.remove(key);
    }

    /** Evicts one entry; whether it was there. */
    public boolean evictKey(String key) {
        return cache.remove(key) != null;
    }

    /** Evicts everything (at every node: the cache is replicated); returns how many entries there were. */
    public int clear() {
        int n = cache.size();
        cache.clear();
        return n;
    }

    /** Evicts every key that starts with the prefix (e.g. all variants of one image); returns how many. */
    public int evictPrefix(String prefix) {
        List<String> keys = cache.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        keys.forEach(cache::remove);
        return keys.size();
    }

    /** Entries held on this node (all of them: the cache is replicated). */
    public int size() {
        return cache.size();
    }

    /**
     * Bytes of the images held on this node (a walk over the entries, all local in a replicated cache: for metrics,
     * not for hot paths).
     */
    public long bytes() {
        long total = 0;
        for (byte[] value : cache.values()) {
            total += value.length;
        }
        return total;
    }

    public HotCacheSettings settings() {
        return settings;
    }

    public boolean isRunning() {
        return cache.getCacheManager().isRunning(NAME);
    }

    /** The nodes currently sharing this cache (just this one when not clustered). */
    public List<String> members() {
        EmbeddedCacheManager manager = cache.getCacheManager();
        return manager.getMembers() == null
                ? List.of(String.valueOf(manager.getAddress()))
                : manager.getMembers().stream().map(String::valueOf).toList();
    }
}
