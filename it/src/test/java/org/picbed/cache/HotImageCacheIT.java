package org.picbed.cache;

import jakarta.inject.Inject;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.PicbedDeployment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot-image cache is a replicated, memory-bounded Infinispan cache from the server adapter (WildFly: its subsystem), not a private map. */
@ExtendWith(ArquillianExtension.class)
class HotImageCacheIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PicbedDeployment.earWith(HotImageCacheIT.class);
    }

    @Inject
    HotImageCache hotImages;

    @Inject
    HotCacheContainer container;

    @Test
    void valuePutThroughTheServiceIsVisibleInTheServerCache() throws Exception {
        String key = "it/" + UUID.randomUUID();
        byte[] bytes = ("image bytes " + key).getBytes(StandardCharsets.UTF_8);

        assertTrue(hotImages.put(key, bytes));

        Cache<String, byte[]> serverCache = serverCache();
        assertArrayEquals(bytes, serverCache.get(key));
        assertArrayEquals(bytes, hotImages.get(key).orElseThrow());
        assertSame(hotImages.get(key).orElseThrow(), hotImages.get(key).orElseThrow(), "no copy per read");

        hotImages.evict(key);
        assertFalse(serverCache.containsKey(key));
        assertTrue(hotImages.get(key).isEmpty());
    }

    @Test
    void cacheIsReplicatedAndBoundedInMemory() throws Exception {
        Configuration configuration = serverCache().getCacheConfiguration();
        assertTrue(configuration.clustering().cacheMode().isReplicated(), "replicated, was " + configuration.clustering().cacheMode());
        assertEquals(CacheMode.REPL_SYNC, configuration.clustering().cacheMode());
        assertEquals(hotImages.settings().maxEntries(), configuration.memory().maxCount(), "bounded: " + configuration.memory());
        assertFalse(configuration.memory().isOffHeap(), "objects on the heap, so a hit hands out the stored array");
    }

    @Test
    void anItemAboveTheSizeLimitIsNotCached() throws Exception {
        String key = "it/" + UUID.randomUUID();
        assertFalse(hotImages.put(key, new byte[hotImages.settings().maxItemBytes() + 1]));
        assertFalse(serverCache().containsKey(key));
    }

    /** The cache as the server's adapter provides it (WildFly's subsystem cache, or the embedded one). */
    private Cache<String, byte[]> serverCache() {
        return container.hotImages();
    }
}
