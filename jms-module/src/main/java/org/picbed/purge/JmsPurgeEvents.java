package org.picbed.purge;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.PeerQueues;

import java.time.Instant;

/**
 * A purge on the broker, inside the transaction that records it: on the purge topic for every node of this site
 * (node-local state), and, for a purge requested here, to every peer site's outbound queue (the bridges carry it
 * like a replicated change); a peer's acknowledgement goes back the same way.
 */
@ApplicationScoped
public class JmsPurgeEvents implements PurgeEvents {

    public static final String REQUESTED = "purge.requested";
    public static final String APPLIED = "purge.applied";
    public static final String PURGE = "purge";
    public static final String SCOPE = "scope";
    public static final String SPEC = "spec";
    public static final String BY = "by";
    public static final String SITE = "site";
    public static final String FOUND = "found";
    public static final String VARIANTS = "variants";
    public static final String HOT = "hot";

    @Inject
    JMSContext context;

    @Inject
    PeerQueues peers;

    @Override
    public void purged(String purgeId, PurgeRequest request, String origin, String by, Instant at, boolean toPeers) {
        send(context.createProducer().setProperty(PeerQueues.EVENT, REQUESTED), purgeId, request, origin, by, at).send(topic(), purgeId);
        if (toPeers) {
            peers.each((peer, queue) -> send(context.createProducer().setProperty(PeerQueues.EVENT, REQUESTED), purgeId, request, origin, by, at)
                    .send(queue, purgeId));
        }
    }

    @Override
    public void applied(String purgeId, String origin, PurgeOutcome outcome, Instant at) {
        peers.to(origin).ifPresent(queue -> context.createProducer().setProperty(PeerQueues.EVENT, APPLIED)
                .setProperty(PURGE, purgeId).setProperty(PeerQueues.ORIGIN, peers.site()).setProperty(PeerQueues.AT, at.toEpochMilli())
                .setProperty(FOUND, outcome.found()).setProperty(VARIANTS, outcome.variantsRemoved()).setProperty(HOT, outcome.hotEvicted())
                .send(queue, purgeId));
    }

    private static JMSProducer send(JMSProducer producer, String purgeId, PurgeRequest request, String origin, String by, Instant at) {
        producer.setProperty(PURGE, purgeId).setProperty(SCOPE, request.scope().name()).setProperty(PeerQueues.ORIGIN, origin)
                .setProperty(BY, by).setProperty(PeerQueues.AT, at.toEpochMilli());
        request.image().ifPresent(i -> producer.setProperty(PeerQueues.IMAGE, i.hex()));
        request.spec().ifPresent(s -> producer.setProperty(SPEC, s));
        return producer;
    }

    private Topic topic() {
        return context.createTopic(Destinations.PURGE_TOPIC);
    }
}
