package org.picbed.image;

import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import org.picbed.config.Settings;
import org.picbed.messaging.PeerQueues;
import org.picbed.site.ReplicationEvent;

import java.time.Instant;

/**
 * How image events are written on and read from the broker: message properties only (the body is the id, for
 * people browsing a queue). One kind per use: eager variants of a new image (thumbnails queue), a deletion every
 * node hears (purge topic), and a change for a peer site (outbound queue, bridged to its replication queue).
 */
public final class ImageMessages {

    public static final String EVENT = PeerQueues.EVENT;
    public static final String IMAGE = PeerQueues.IMAGE;
    public static final String ORIGIN = PeerQueues.ORIGIN;
    public static final String AT = PeerQueues.AT;
    public static final String FORMAT = "format";
    public static final String CREATED = "image.created";
    public static final String DELETED = "image.deleted";

    private ImageMessages() {
    }

    /** A new image whose eager variants are to be rendered. */
    public record Created(ImageId image, ImageFormat format) {
    }

    public static JMSProducer created(JMSProducer producer, ImageId id, ImageFormat format) {
        return producer.setProperty(EVENT, CREATED).setProperty(IMAGE, id.hex()).setProperty(FORMAT, format.key());
    }

    public static Created readCreated(Message message) throws JMSException {
        ImageFormat format = ImageFormat.fromKey(message.getStringProperty(FORMAT))
                .orElseThrow(() -> new IllegalArgumentException("message without a valid format"));
        return new Created(image(message), format);
    }

    public static JMSProducer deleted(JMSProducer producer, ImageId id) {
        return producer.setProperty(EVENT, DELETED).setProperty(IMAGE, id.hex());
    }

    /** Whether a purge-topic message announces a deleted image. */
    public static boolean isDeleted(Message message) throws JMSException {
        return DELETED.equals(message.getStringProperty(EVENT));
    }

    public static JMSProducer replication(JMSProducer producer, ReplicationEvent event) {
        return producer.setProperty(EVENT, event.kind() == ReplicationEvent.Kind.CREATED ? CREATED : DELETED)
                .setProperty(IMAGE, event.image().hex()).setProperty(ORIGIN, event.origin())
                .setProperty(AT, event.at().toEpochMilli());
    }

    /** A peer's change; {@link IllegalArgumentException} for a message that is not one. */
    public static ReplicationEvent readReplication(Message message) throws JMSException {
        String kind = message.getStringProperty(EVENT);
        String origin = message.getStringProperty(ORIGIN);
        if (origin == null || !Settings.SITE_NAME.matcher(origin).matches()) {
            throw new IllegalArgumentException("no valid origin site");
        }
        Instant at = Instant.ofEpochMilli(message.getLongProperty(AT));
        ReplicationEvent.Kind k = switch (kind == null ? "" : kind) {
            case CREATED -> ReplicationEvent.Kind.CREATED;
            case DELETED -> ReplicationEvent.Kind.DELETED;
            default -> throw new IllegalArgumentException("unknown event '" + kind + "'");
        };
        return new ReplicationEvent(k, image(message), origin, at);
    }

    /** The image a message is about; {@link IllegalArgumentException} when it names none. */
    public static ImageId image(Message message) throws JMSException {
        return ImageId.parse(message.getStringProperty(IMAGE))
                .orElseThrow(() -> new IllegalArgumentException("message without a valid image id"));
    }
}
