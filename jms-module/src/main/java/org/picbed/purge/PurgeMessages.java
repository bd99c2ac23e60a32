package org.picbed.purge;

import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import org.picbed.image.ImageId;
import org.picbed.messaging.PeerQueues;

import java.time.Instant;

/**
 * How purges are written on and read from the broker (message properties): a purge requested (purge topic, and
 * the peers' outbound queues) and a peer's acknowledgement of one (back to the origin's queue).
 */
public final class PurgeMessages {

    public static final String REQUESTED = "purge.requested";
    public static final String APPLIED = "purge.applied";
    public static final String PURGE = "purge";
    public static final String SCOPE = "scope";
    public static final String SPEC = "spec";
    public static final String BY = "by";
    public static final String SITE = "site";
    public static final String FOUND = "found";
    public static final String VARIANTS = "variants";
    public static final String HOT = "hot";

    private PurgeMessages() {
    }

    public static JMSProducer requested(JMSProducer producer, String purgeId, PurgeRequest request, String origin, String by,
                                        Instant at) {
        producer.setProperty(PeerQueues.EVENT, REQUESTED).setProperty(PURGE, purgeId).setProperty(SCOPE, request.scope().name())
                .setProperty(PeerQueues.ORIGIN, origin).setProperty(BY, by).setProperty(PeerQueues.AT, at.toEpochMilli());
        request.image().ifPresent(i -> producer.setProperty(PeerQueues.IMAGE, i.hex()));
        request.spec().ifPresent(s -> producer.setProperty(SPEC, s));
        return producer;
    }

    public static JMSProducer applied(JMSProducer producer, String purgeId, String site, PurgeOutcome outcome, Instant at) {
        return producer.setProperty(PeerQueues.EVENT, APPLIED).setProperty(PURGE, purgeId).setProperty(PeerQueues.ORIGIN, site)
                .setProperty(PeerQueues.AT, at.toEpochMilli()).setProperty(FOUND, outcome.found())
                .setProperty(VARIANTS, outcome.variantsRemoved()).setProperty(HOT, outcome.hotEvicted());
    }

    /** Whether a message on the replication queue is a purge or a purge's acknowledgement. */
    public static boolean isPurge(Message m) throws JMSException {
        String event = m.getStringProperty(PeerQueues.EVENT);
        return REQUESTED.equals(event) || APPLIED.equals(event);
    }

    public static PurgeRequest request(Message m) throws JMSException {
        PurgeRequest.Scope scope = PurgeRequest.Scope.valueOf(m.getStringProperty(SCOPE));
        return switch (scope) {
            case ALL -> PurgeRequest.all();
            case IMAGE -> PurgeRequest.image(image(m));
            case VARIANT -> PurgeRequest.variant(image(m), m.getStringProperty(SPEC));
        };
    }

    /** Applies a message from a peer: its purge request, or its acknowledgement of ours. */
    public static void apply(Message m, Purges purges) throws JMSException {
        String id = m.getStringProperty(PURGE);
        String origin = m.getStringProperty(PeerQueues.ORIGIN);
        Instant at = Instant.ofEpochMilli(m.getLongProperty(PeerQueues.AT));
        if (REQUESTED.equals(m.getStringProperty(PeerQueues.EVENT))) {
            purges.applyFromPeer(id, request(m), origin, m.getStringProperty(BY), at);
        } else {
            purges.acknowledged(id, origin, new PurgeOutcome(m.getBooleanProperty(FOUND),
                    m.getIntProperty(VARIANTS), m.getIntProperty(HOT)), at);
        }
    }

    private static ImageId image(Message m) throws JMSException {
        return ImageId.parse(m.getStringProperty(PeerQueues.IMAGE)).orElseThrow(() -> new IllegalArgumentException("no valid image id"));
    }
}
