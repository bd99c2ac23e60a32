package org.picbed.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import org.picbed.messaging.Destinations;

import java.time.Duration;

/** Sends heartbeats on the heartbeat queue() with the container's XA context, so they commit with the caller. */
@ApplicationScoped
public class JmsHeartbeatPublisher implements HeartbeatPublisher {

    /** A heartbeat older than two periods says nothing; let the broker drop it. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);

    @Inject
    JMSContext context;

    @Override
    public void publish(Heartbeat heartbeat) {
        try {
            MapMessage message = context.createMapMessage();
            HeartbeatMessages.write(heartbeat, message);
            context.createProducer().setTimeToLive(TIME_TO_LIVE.toMillis()).send(queue(), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private Queue queue() {
        return context.createQueue(Destinations.HEARTBEAT);
    }
}
