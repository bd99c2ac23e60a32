package org.picbed.platform.payara;

import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.StorageType;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.picbed.cache.HotCacheContainer;
import org.picbed.cache.HotCacheSettings;
import org.picbed.config.Settings;

/**
 * Adapter for servers without an Infinispan subsystem (Payara): an Infinispan cache manager embedded in picbed,
 * with the cache WildFly's 30-infinispan.cli defines: "hot-images", replicated and synchronous, on the heap, bounded to
 * {@code PICBED_HOT_CACHE_ENTRIES} entries. The site's nodes find each other over JGroups TCP with a fixed member list
 * (TCPPING): {@code PICBED_CLUSTER_HOSTS} ("host[port],..."), this node listening on
 * {@code PICBED_CLUSTER_BIND_ADDRESS}:{@code PICBED_CLUSTER_PORT} (default 127.0.0.1:7800). Infinispan's jars are a
 * server library on Payara (server-config/src/main/payara), like the subsystem's modules on WildFly.
 */
public final class EmbeddedHotCache implements HotCacheContainer, AutoCloseable {

    public static final String CACHE = "hot-images";

    private final DefaultCacheManager manager;
    private final Cache<String, byte[]> cache;

    public EmbeddedHotCache(Settings settings) {
        HotCacheSettings limits = HotCacheSettings.from(settings);
        String bind = settings.get("cluster.bind-address", "127.0.0.1");
        int port = settings.getInt("cluster.port", 7800);
        String hosts = settings.get("cluster.hosts").orElse(bind + "[" + port + "]");

        GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder();
        global.cacheManagerName("picbed");
        global.jmx().enabled(false);
        // no Infinispan metrics: picbed exports its own (Micrometer in the EAR is not visible to Infinispan in the
        // domain lib, and Infinispan would try to register with it and fail to start)
        global.metrics().gauges(false).histograms(false);
        global.transport()
                .clusterName("picbed-" + settings.site())
                .nodeName(settings.get("node.id", bind + ":" + port))
                .addProperty(JGroupsTransport.CONFIGURATION_STRING, jgroups(bind, port, hosts));
        ConfigurationBuilder hotImages = new ConfigurationBuilder();
        hotImages.clustering().cacheMode(CacheMode.REPL_SYNC);
        hotImages.memory().storage(StorageType.HEAP).maxCount(limits.maxEntries());
        hotImages.statistics().enable();

        manager = new DefaultCacheManager(global.build(), false);
        manager.defineConfiguration(CACHE, hotImages.build());
        manager.start();
        cache = manager.<String, byte[]>getCache(CACHE).getAdvancedCache();
    }

    @Override
    public Cache<String, byte[]> hotImages() {
        return cache;
    }

    @Override
    public void close() {
        manager.stop();
    }

    /** The JGroups stack of WildFly's "tcp" stack with TCPPING (see 40-jgroups.cli), for JGroups 5. */
    static String jgroups(String bind, int port, String hosts) {
        if (!hosts.matches("[\\w.:\\-\\[\\]]+(,[\\w.:\\-\\[\\]]+)*")) {
            throw new IllegalStateException("PICBED_CLUSTER_HOSTS must look like host[port],host[port]; got '" + hosts + "'");
        }
        return """
                <config xmlns="urn:org:jgroups">
                  <TCP bind_addr="%s" bind_port="%d" port_range="0"/>
                  <TCPPING initial_hosts="%s" port_range="0"/>
                  <MERGE3/>
                  <FD_SOCK2/>
                  <FD_ALL3/>
                  <VERIFY_SUSPECT2/>
                  <pbcast.NAKACK2 use_mcast_xmit="false"/>
                  <UNICAST3/>
                  <pbcast.STABLE/>
                  <pbcast.GMS join_timeout="2000" print_local_addr="false"/>
                  <UFC/>
                  <MFC/>
                  <FRAG4/>
                </config>
                """.formatted(bind, port, hosts);
    }
}
