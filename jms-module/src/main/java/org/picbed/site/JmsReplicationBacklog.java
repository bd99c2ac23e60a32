package org.picbed.site;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.picbed.health.QueueGauges;
import org.picbed.image.JmsImageEvents;
import org.picbed.messaging.Destinations;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Enumeration;
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
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(queue)) {
            long n = 0;
            long oldest = 0;
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements() && n < QueueGauges.CAP; n++) {
                Message m = (Message) messages.nextElement();
                if (n == 0) {
                    oldest = Math.max(0, System.currentTimeMillis() - m.getJMSTimestamp());
                }
            }
            return Optional.of(new Pending(n, oldest));
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("could not browse the outbound queue of " + peer, e);
        }
    }

    @Override
    public long deadLettered(String peer) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(deadLetters, JmsImageEvents.ORIGIN + " = '" + peer + "'")) {
            long n = 0;
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements() && n < QueueGauges.CAP; n++) {
                messages.nextElement();
            }
            return n;
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("could not browse the replication dead-letter queue", e);
        }
    }
}
