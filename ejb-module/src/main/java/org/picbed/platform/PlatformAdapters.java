package org.picbed.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.picbed.cache.HotCacheContainer;
import org.picbed.config.Platform;
import org.picbed.config.Settings;
import org.picbed.platform.payara.EmbeddedHotCache;
import org.picbed.platform.wildfly.ManagementJmxCallers;
import org.picbed.platform.wildfly.SubsystemHotCache;
import org.picbed.purge.JmxCallers;

import java.util.logging.Logger;

/** Picks each port's adapter for the server picbed runs on, once per deployment. */
@ApplicationScoped
public class PlatformAdapters {

    private static final Logger LOG = Logger.getLogger(PlatformAdapters.class.getName());

    @Produces
    @ApplicationScoped
    HotCacheContainer hotCacheContainer(Settings settings) {
        Platform platform = Platform.current();
        LOG.info(() -> "hot-image cache for " + platform + ": "
                + (platform == Platform.WILDFLY ? "WildFly's infinispan subsystem" : "embedded Infinispan"));
        return platform == Platform.WILDFLY ? new SubsystemHotCache() : new EmbeddedHotCache(settings);
    }

    /**
     * The embedded cache starts with the application (JGroups looks for its members for 2 s), not on the first
     * request that needs it: otherwise that request, or the first health check, waits for it. WildFly's subsystem
     * cache is started by the server.
     */
    void startEmbeddedCache(@Observes @Initialized(ApplicationScoped.class) Object start, HotCacheContainer container) {
        if (Platform.current() != Platform.WILDFLY) {
            container.hotImages();
        }
    }

    /** Who calls the purge MBean: WildFly's management audit context, or the standard JMX subject (Payara). */
    @Produces
    @ApplicationScoped
    JmxCallers jmxCallers() {
        return Platform.current() == Platform.WILDFLY ? new ManagementJmxCallers(new SubjectJmxCallers()) : new SubjectJmxCallers();
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
