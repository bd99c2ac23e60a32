package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import org.picbed.image.ImageMessages;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.PeerQueues;
import org.picbed.messaging.Probes;
import org.picbed.messaging.QueueBrowsing;

import java.util.Optional;

/** Browses the outbound queue of each peer (what waits for its bridge) and the replication dead-letter queue. */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JmsReplicationBacklog implements ReplicationBacklog {

    @Inject
    Probes probes;

    @Inject
    PeerQueues peers;

    @Override
    public Optional<Pending> pending(String peer) {
        Optional<Queue> queue = peers.to(peer);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        try (JMSContext context = probes.open()) {
            QueueBrowsing.Depth depth = QueueBrowsing.depth(context, queue.get(), null);
            return Optional.of(new Pending(depth.messages(), depth.oldestAgeMillis()));
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("could not browse the outbound queue of " + peer, e);
        }
    }

    @Override
    public long deadLettered(String peer) {
        try (JMSContext context = probes.open()) {
            Queue deadLetters = context.createQueue(Destinations.deadLetters(Destinations.REPLICATION));
            return QueueBrowsing.depth(context, deadLetters, ImageMessages.ORIGIN + " = '" + peer + "'").messages();
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("could not browse the replication dead-letter queue", e);
        }
    }
}
