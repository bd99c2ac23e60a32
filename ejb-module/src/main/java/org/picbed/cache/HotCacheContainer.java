package org.picbed.cache;

import org.infinispan.Cache;

/**
 * Port: where the site's replicated hot-image cache comes from. On WildFly it is the server's own Infinispan
 * subsystem cache; on Payara an Infinispan cache manager embedded in picbed, clustered over JGroups. Either way it is
 * an Infinispan cache with the same semantics (replicated, synchronous, on the heap, bounded by entries).
 */
public interface HotCacheContainer {

    /** The hot-image cache (started). */
    Cache<String, byte[]> hotImages();
}
