package org.picbed.purge;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.picbed.image.ImageId;
import org.picbed.messaging.PeerQueues;

import java.time.Instant;

/** Reads purge messages back (see {@link JmsPurgeEvents} for the properties). */
public final class PurgeMessages {

    private PurgeMessages() {
    }

    public static PurgeRequest request(Message m) throws JMSException {
        PurgeRequest.Scope scope = PurgeRequest.Scope.valueOf(m.getStringProperty(JmsPurgeEvents.SCOPE));
        return switch (scope) {
            case ALL -> PurgeRequest.all();
            case IMAGE -> PurgeRequest.image(image(m));
            case VARIANT -> PurgeRequest.variant(image(m), m.getStringProperty(JmsPurgeEvents.SPEC));
        };
    }

    /** Applies a message from a peer: its purge request, or its acknowledgement of ours. */
    public static void apply(Message m, Purges purges) throws JMSException {
        String id = m.getStringProperty(JmsPurgeEvents.PURGE);
        String origin = m.getStringProperty(PeerQueues.ORIGIN);
        Instant at = Instant.ofEpochMilli(m.getLongProperty(PeerQueues.AT));
        if (JmsPurgeEvents.REQUESTED.equals(m.getStringProperty(PeerQueues.EVENT))) {
            purges.applyFromPeer(id, request(m), origin, m.getStringProperty(JmsPurgeEvents.BY), at);
        } else {
            purges.acknowledged(id, origin, new PurgeOutcome(m.getBooleanProperty(JmsPurgeEvents.FOUND),
                    m.getIntProperty(JmsPurgeEvents.VARIANTS), m.getIntProperty(JmsPurgeEvents.HOT)), at);
        }
    }

    private static ImageId image(Message m) throws JMSException {
        return ImageId.parse(m.getStringProperty(PeerQueues.IMAGE)).orElseThrow(() -> new IllegalArgumentException("no valid image id"));
    }
}
