package org.picbed.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.picbed.cache.HotCacheContainer;
import org.picbed.config.Platform;
import org.picbed.config.Settings;
import org.picbed.platform.payara.EmbeddedHotCache;
import org.picbed.platform.wildfly.SubsystemHotCache;

import java.util.logging.Logger;

/** Picks each port's adapter for the server picbed runs on, once per deployment. */
@ApplicationScoped
public class PlatformAdapters {

    private static final Logger LOG = Logger.getLogger(PlatformAdapters.class.getName());

    @Produces
    @ApplicationScoped
    HotCacheContainer hotCacheContainer() {
        Platform platform = Platform.current();
        LOG.info(() -> "hot-image cache for " + platform + ": "
                + (platform == Platform.WILDFLY ? "WildFly's infinispan subsystem" : "embedded Infinispan"));
        return platform == Platform.WILDFLY ? new SubsystemHotCache() : new EmbeddedHotCache(Settings.fromEnvironment());
    }

    void close(@Disposes HotCacheContainer container) {
        if (container instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warning("could not stop the hot-image cache: " + e.getMessage());
            }
        }
    }
}
