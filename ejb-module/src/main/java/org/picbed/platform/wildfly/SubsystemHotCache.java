package org.picbed.platform.wildfly;

import org.infinispan.Cache;
import org.picbed.cache.HotCacheContainer;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * WildFly adapter: the "hot-images" cache of the "picbed" container in WildFly's infinispan subsystem
 * (server-config 30-infinispan.cli), reached through the module org.infinispan (ear jboss-deployment-structure.xml).
 */
public final class SubsystemHotCache implements HotCacheContainer {

    public static final String JNDI = "java:jboss/infinispan/cache/picbed/hot-images";

    private final Cache<String, byte[]> cache;

    @SuppressWarnings("unchecked")
    public SubsystemHotCache() {
        try {
            // the looked-up reference resolves the cache on every call; its advanced cache is the cache itself
            cache = ((Cache<String, byte[]>) new InitialContext().lookup(JNDI)).getAdvancedCache();
        } catch (NamingException e) {
            throw new IllegalStateException("WildFly's hot-image cache " + JNDI + " is not configured (server-config 30-infinispan.cli)", e);
        }
    }

    @Override
    public Cache<String, byte[]> hotImages() {
        return cache;
    }
}
