package org.picbed.health;

import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.cache.HotImageCache;
import org.picbed.metrics.Meters;
import org.picbed.site.SiteStats;
import org.picbed.site.SiteView;
import org.picbed.variant.serve.RenderGate;
import org.picbed.variant.serve.Variants;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The gauges of this node (render gate, hot cache, queue depths, peer sites, replication lag) in the node's registry.
 * Queue depths and peer states are read once per scrape ({@link #refresh()}) and the gauges answer from that reading,
 * so one scrape browses each queue once.
 */
@ApplicationScoped
public class NodeGauges {

    @Inject
    Meters meters;

    @Inject
    Variants variants;

    @Inject
    HotImageCache hot;

    @Inject
    QueueGauges queues;

    @Inject
    SiteView sites;

    private volatile Map<String, Long> depths = Map.of();
    private volatile Map<String, SiteView.PeerState> peers = Map.of();
    private volatile SiteStats.Lag lag = new SiteStats.Lag(0, 0, 0, 0);
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void register() {
        RenderGate gate = variants.gate();
        meters.gauge("picbed.render.workers", "Render workers on this node", Tags.empty(), gate::workers);
        meters.gauge("picbed.render.workers.busy", "Render workers rendering now", Tags.empty(), gate::busyWorkers);
        meters.gauge("picbed.render.waiting", "Renders waiting for a worker", Tags.empty(), gate::waiting);
        meters.gauge("picbed.hot.cache.entries", "Images in the hot cache (replicated: the same on every node)", Tags.empty(), hot::size);
        meters.gauge("picbed.hot.cache.bytes", "Bytes of the images in the hot cache on this node", Tags.empty(), hot::bytes);
        meters.gauge("picbed.hot.cache.members", "Nodes sharing the hot cache", Tags.empty(), () -> hot.members().size());
        meters.gauge("picbed.replication.lag.p50.seconds", "Median replication lag of the changes applied here in the last minute",
                Tags.empty(), () -> lag.p50Millis() / 1000.0);
        meters.gauge("picbed.replication.lag.p99.seconds", "99th percentile replication lag of the changes applied here in the last minute",
                Tags.empty(), () -> lag.p99Millis() / 1000.0);
    }

    /** Reads the queues and peers once; called before every scrape. */
    public void refresh() {
        Map<String, Long> now = queues.depths();
        depths = now;
        for (String queue : now.keySet()) {
            if (registered.add("queue:" + queue)) {
                meters.gauge("picbed.queue.messages", "Messages waiting in a queue (dead-letter queues end in .dlq)",
                        Tags.of("queue", queue), () -> depths.getOrDefault(queue, 0L));
            }
        }
        Map<String, SiteView.PeerState> states = new ConcurrentHashMap<>();
        sites.peers().forEach(p -> states.put(p.peer().name(), p));
        peers = states;
        lag = sites.lag();
        for (String peer : states.keySet()) {
            if (registered.add("peer:" + peer)) {
                registerPeer(peer);
            }
        }
    }

    private void registerPeer(String peer) {
        peerGauge(peer, "picbed.site.peer.reachable", "1 when the peer site answered its last probe", p -> p.counters().reachable() ? 1 : 0);
        peerGauge(peer, "picbed.site.peer.pending.messages", "Replication messages waiting to go to the peer", SiteView.PeerState::pending);
        peerGauge(peer, "picbed.site.peer.oldest.pending.seconds", "Age of the oldest message waiting for the peer",
                p -> p.oldestPendingMillis() / 1000.0);
        peerGauge(peer, "picbed.site.peer.dead.lettered.messages", "Messages from the peer that ended in the dead-letter queue",
                SiteView.PeerState::deadLettered);
        peerGauge(peer, "picbed.site.peer.applied", "Changes from the peer applied here", p -> p.counters().applied());
        peerGauge(peer, "picbed.site.peer.failures", "Changes from the peer that failed to apply", p -> p.counters().failures());
        peerGauge(peer, "picbed.site.peer.read.repairs", "Images fetched from the peer on a read", p -> p.counters().repaired());
        peerGauge(peer, "picbed.site.peer.last.success.timestamp.seconds", "When the peer was last seen working",
                p -> p.lastSuccess() == null ? 0 : p.lastSuccess().getEpochSecond());
    }

    private void peerGauge(String peer, String name, String help, ToDoubleFunction<SiteView.PeerState> value) {
        meters.gauge(name, help, Tags.of("peer", peer), () -> {
            SiteView.PeerState state = peers.get(peer);
            return state == null ? 0 : value.applyAsDouble(state);
        });
    }

    /** The peers as of the last refresh. */
    public List<SiteView.PeerState> peers() {
        return List.copyOf(peers.values());
    }
}
