package org.picbed.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.QueueBrowsing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts the messages of picbed's work queues and their dead-letter queues by browsing them. */
@ApplicationScoped
public class JmsQueueGauges implements QueueGauges {

    @Resource(lookup = Destinations.PLAIN_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.THUMBNAILS)
    Queue thumbnails;
    @Resource(lookup = Destinations.THUMBNAILS + "/dlq")
    Queue thumbnailsDlq;
    @Resource(lookup = Destinations.BULK)
    Queue bulk;
    @Resource(lookup = Destinations.BULK + "/dlq")
    Queue bulkDlq;
    @Resource(lookup = Destinations.REPLICATION)
    Queue replication;
    @Resource(lookup = Destinations.REPLICATION + "/dlq")
    Queue replicationDlq;

    @Resource(lookup = Destinations.FETCH)
    Queue fetch;
    @Resource(lookup = Destinations.FETCH + "/dlq")
    Queue fetchDlq;
    @Resource(lookup = Destinations.PROCESS)
    Queue process;
    @Resource(lookup = Destinations.PROCESS + "/dlq")
    Queue processDlq;
    @Resource(lookup = Destinations.CALLBACKS)
    Queue callbacks;
    @Resource(lookup = Destinations.CALLBACKS + "/dlq")
    Queue callbacksDlq;

    @Override
    public Map<String, Long> depths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            for (Queue queue : new Queue[]{thumbnails, thumbnailsDlq, bulk, bulkDlq, replication,
                    replicationDlq, fetch, fetchDlq, process, processDlq, callbacks, callbacksDlq}) {
                depths.put(queue.getQueueName().replaceFirst("^jms\\.queue\\.", ""), QueueBrowsing.depth(context, queue, null).messages());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("could not browse the queues", e);
        }
        return depths;
    }
}
