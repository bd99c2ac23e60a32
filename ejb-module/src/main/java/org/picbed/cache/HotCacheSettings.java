package org.picbed.cache;

import org.picbed.config.Settings;

/**
 * How much the hot cache may hold. The entry count is enforced by Infinispan (server-config reads the same
 * {@code PICBED_HOT_CACHE_ENTRIES}); the item size by {@link HotImageCache}. WildFly 39 bounds the cache by
 * entries only, so entries x item size is the memory bound.
 */
public record HotCacheSettings(int maxEntries, int maxItemBytes) {

    public static final int DEFAULT_ENTRIES = 1024;
    public static final int DEFAULT_MAX_ITEM_KB = 128;

    public HotCacheSettings {
        if (maxEntries < 1 || maxItemBytes < 1) {
            throw new IllegalArgumentException("hot cache limits must be positive");
        }
    }

    public static HotCacheSettings from(Settings settings) {
        return new HotCacheSettings(settings.getInt("hot-cache.entries", DEFAULT_ENTRIES),
                settings.getInt("hot-cache.max-item-kb", DEFAULT_MAX_ITEM_KB) * 1024);
    }

    public boolean fits(int bytes) {
        return bytes <= maxItemBytes;
    }

    public long maxBytes() {
        return (long) maxEntries * maxItemBytes;
    }
}
