package org.picbed.cluster;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

import java.time.Instant;

/** How a {@link Heartbeat} is written on and read from the heartbeat queue: a small map of strings. */
final class HeartbeatMessages {

    static final String NODE = "node";
    static final String SENT_AT = "sentAt";

    private HeartbeatMessages() {
    }

    static void write(Heartbeat heartbeat, MapMessage message) throws JMSException {
        message.setString(NODE, heartbeat.nodeName());
        message.setString(SENT_AT, heartbeat.sentAt().toString());
    }

    static Heartbeat read(Message message) throws JMSException {
        if (!(message instanceof MapMessage map)) {
            throw new IllegalArgumentException("heartbeat must be a MapMessage, got " + message.getClass().getSimpleName());
        }
        return new Heartbeat(map.getString(NODE), Instant.parse(map.getString(SENT_AT)));
    }
}
