package org.picbed.purge;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
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

    @Inject
    JMSContext context;

    @Inject
    PeerQueues peers;

    @Override
    public void purged(String purgeId, PurgeRequest request, String origin, String by, Instant at, boolean toPeers) {
        PurgeMessages.requested(context.createProducer(), purgeId, request, origin, by, at).send(topic(), purgeId);
        if (toPeers) {
            peers.each((peer, queue) -> PurgeMessages.requested(context.createProducer(), purgeId, request, origin, by, at)
                    .send(queue, purgeId));
        }
    }

    @Override
    public void applied(String purgeId, String origin, PurgeOutcome outcome, Instant at) {
        peers.to(origin).ifPresent(queue -> PurgeMessages.applied(context.createProducer(), purgeId, peers.site(), outcome, at)
                .send(queue, purgeId));
    }

    private Topic topic() {
        return context.createTopic(Destinations.PURGE_TOPIC);
    }
}
