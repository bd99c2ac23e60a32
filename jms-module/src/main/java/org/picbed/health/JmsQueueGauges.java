package org.picbed.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.transaction.Transactional;
import org.picbed.messaging.Destinations;
import org.picbed.messaging.Probes;
import org.picbed.messaging.QueueBrowsing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts the messages of picbed's work queues and their dead-letter queues by browsing them. */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JmsQueueGauges implements QueueGauges {

    private static final List<String> WORK_QUEUES = List.of(Destinations.THUMBNAILS, Destinations.BULK,
            Destinations.REPLICATION, Destinations.FETCH, Destinations.PROCESS, Destinations.CALLBACKS);

    @Inject
    Probes probes;

    @Override
    public Map<String, Long> depths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        try (JMSContext context = probes.open()) {
            for (String queue : WORK_QUEUES) {
                for (String name : List.of(queue, Destinations.deadLetters(queue))) {
                    depths.put(name, QueueBrowsing.depth(context, context.createQueue(name), null).messages());
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("could not browse the queues", e);
        }
        return depths;
    }
}
