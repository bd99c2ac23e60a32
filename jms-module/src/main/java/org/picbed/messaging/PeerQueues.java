package org.picbed.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import org.picbed.site.Peer;
import org.picbed.site.SiteSettings;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** This site's outbound queue per peer site (bridged to the peer) and the message properties all sites share. */
@ApplicationScoped
public class PeerQueues {

    public static final String EVENT = "event";
    public static final String IMAGE = "image";
    public static final String ORIGIN = "origin";
    public static final String AT = "at";

    @Inject
    SiteSettings sites;

    private final Map<String, Queue> outbound = new LinkedHashMap<>();

    @PostConstruct
    void lookUp() {
        for (Peer peer : sites.peers()) {
            try {
                outbound.put(peer.name(), (Queue) new InitialContext().lookup(Destinations.outbound(peer.name())));
            } catch (NamingException e) {
                outbound.put(peer.name(), null);   // reported DOWN by the sites health check
            }
        }
    }

    public String site() {
        return sites.site();
    }

    /** Every peer's queue; a peer without one fails the caller's transaction (no change may skip a peer). */
    public void each(BiConsumer<String, Queue> send) {
        outbound.forEach((peer, queue) -> {
            if (queue == null) {
                throw new IllegalStateException("no outbound queue for peer site " + peer);
            }
            send.accept(peer, queue);
        });
    }

    public Optional<Queue> to(String peer) {
        return Optional.ofNullable(outbound.get(peer));
    }
}
