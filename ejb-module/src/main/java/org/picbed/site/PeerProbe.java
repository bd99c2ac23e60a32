package org.picbed.site;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.time.Instant;

/** Pings every peer site's internal endpoint every 5 seconds (this node's view of reachability). */
@Startup
@Singleton
public class PeerProbe {

    @Inject
    PeerClient client;

    @Inject
    SiteStats stats;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "picbed-peer-probe")
    void probe() {
        for (Peer peer : client.settings().peers()) {
            PeerClient.Ping ping = client.ping(peer);
            stats.peer(peer.name()).probed(ping.ok(), ping.millis(), ping.failure(), Instant.now());
        }
    }
}
