package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Per peer site, what this node knows: reachability, backlog, dead letters, arrivals and failures. */
@ApplicationScoped
public class SiteView {

    @Inject
    PeerClient client;

    @Inject
    SiteStats stats;

    @Inject
    ReplicationBacklog backlog;

    public String site() {
        return client.settings().site();
    }

    /** Replication lag of the changes applied here in the last minute. */
    public SiteStats.Lag lag() {
        return stats.lag(Instant.now());
    }

    public List<PeerState> peers() {
        List<PeerState> states = new ArrayList<>();
        for (Peer peer : client.settings().peers()) {
            SiteStats.PeerCounters c = stats.peer(peer.name());
            Optional<ReplicationBacklog.Pending> pending = backlog.pending(peer.name());
            states.add(new PeerState(peer, c, pending.isPresent(), pending.map(ReplicationBacklog.Pending::messages).orElse(0L),
                    pending.map(ReplicationBacklog.Pending::oldestAgeMillis).orElse(0L), backlog.deadLettered(peer.name())));
        }
        return states;
    }

    /** Why this peer needs attention, if it does. */
    public Optional<String> problem(PeerState p) {
        if (!p.configured()) {
            return Optional.of("no outbound queue for " + p.peer().name() + " (run server-config sites.sh)");
        }
        if (p.counters().lastProbe() != null && !p.counters().reachable()) {
            String why = p.counters().probeFailure();
            return Optional.of(p.peer().name() + " unreachable" + (why == null ? "" : " (" + why + ")"));
        }
        if (p.oldestPendingMillis() > client.settings().lagWarning().toMillis()) {
            return Optional.of(p.peer().name() + " behind by " + Duration.ofMillis(p.oldestPendingMillis()).toSeconds() + " s");
        }
        if (p.deadLettered() > 0) {
            return Optional.of(p.deadLettered() + " dead-lettered from " + p.peer().name());
        }
        return Optional.empty();
    }

    public record PeerState(Peer peer, SiteStats.PeerCounters counters, boolean configured, long pending,
                            long oldestPendingMillis, long deadLettered) {

        /** The last time this peer was seen working: a message from it applied, or a probe answered. */
        public Instant lastSuccess() {
            Instant a = counters.lastApplied();
            Instant b = counters.lastReachable();
            return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
        }
    }
}
