package org.picbed.site;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import org.picbed.image.JmsImageEvents;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.QueueBrowsing;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;

/** Browses the outbound queue of each peer (what waits for its bridge) and the replication dead-letter queue. */
@ApplicationScoped
public class JmsReplicationBacklog implements ReplicationBacklog {

    @Resource(lookup = Destinations.PLAIN_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.REPLICATION + "/dlq")
    Queue deadLetters;

    @Override
    public Optional<Pending> pending(String peer) {
        Queue queue;
        try {
            queue = (Queue) new InitialContext().lookup(Destinations.outbound(peer));
        } catch (NamingException e) {
            return Optional.empty();
        }
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            QueueBrowsing.Depth depth = QueueBrowsing.depth(context, queue, null);
            return Optional.of(new Pending(depth.messages(), depth.oldestAgeMillis()));
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("could not browse the outbound queue of " + peer, e);
        }
    }

    @Override
    public long deadLettered(String peer) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            return QueueBrowsing.depth(context, deadLetters, JmsImageEvents.ORIGIN + " = '" + peer + "'").messages();
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("could not browse the replication dead-letter queue", e);
        }
    }
}
