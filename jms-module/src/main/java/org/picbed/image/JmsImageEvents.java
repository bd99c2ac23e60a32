package org.picbed.image;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.PeerQueues;
import org.picbed.site.ReplicationEvent;

import java.time.Instant;

/**
 * The catalogue's events on the broker, sent with the container's XA context inside the catalogue transaction.
 * A created image asks for its eager variants on the thumbnails queue; a deleted image is announced on the purge
 * topic (property {@code image}) so that every node can drop what it holds of it. A change made at this site also
 * goes to each peer site's outbound queue, which a core bridge forwards to that site's replication queue.
 */
@ApplicationScoped
public class JmsImageEvents implements ImageEvents {

    @Inject
    JMSContext context;

    @Inject
    PeerQueues peers;

    @Override
    public void created(ImageId id, ImageFormat format, Instant at, boolean toPeers) {
        ImageMessages.created(context.createProducer(), id, format).send(thumbnails(), id.hex());
        if (toPeers) {
            toPeers(ReplicationEvent.Kind.CREATED, id, at);
        }
    }

    @Override
    public void deleted(ImageId id, Instant at, boolean toPeers) {
        ImageMessages.deleted(context.createProducer(), id).send(purge(), id.hex());
        if (toPeers) {
            toPeers(ReplicationEvent.Kind.DELETED, id, at);
        }
    }

    /** One durable message per peer, in the caller's transaction: no peer misses a change this site acknowledged. */
    private void toPeers(ReplicationEvent.Kind kind, ImageId id, Instant at) {
        ReplicationEvent event = new ReplicationEvent(kind, id, peers.site(), at);
        peers.each((peer, queue) -> ImageMessages.replication(context.createProducer(), event).send(queue, id.hex()));
    }

    private Topic purge() {
        return context.createTopic(Destinations.PURGE_TOPIC);
    }

    private Queue thumbnails() {
        return context.createQueue(Destinations.THUMBNAILS);
    }
}
