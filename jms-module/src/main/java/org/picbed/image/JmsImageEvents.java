package org.picbed.image;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.picbed.messaging.Destinations;

/**
 * The catalogue's events on the broker, sent with the container's XA context inside the catalogue transaction.
 * A created image asks for its eager variants on the thumbnails queue; a deleted image is announced on the purge
 * topic (property {@code image}) so that every node and site can drop what it holds of it.
 */
@ApplicationScoped
public class JmsImageEvents implements ImageEvents {

    public static final String IMAGE = "image";
    public static final String EVENT = "event";

    @Inject
    JMSContext context;

    public static final String FORMAT = "format";

    @Resource(lookup = Destinations.PURGE_TOPIC)
    Topic purge;

    @Resource(lookup = Destinations.THUMBNAILS)
    Queue thumbnails;

    /** Asks for the eager presets on the interactive render queue. */
    @Override
    public void created(ImageId id, ImageFormat format) {
        context.createProducer().setProperty(EVENT, "image.created").setProperty(IMAGE, id.hex())
                .setProperty(FORMAT, format.key()).send(thumbnails, id.hex());
    }

    @Override
    public void deleted(ImageId id) {
        context.createProducer().setProperty(EVENT, "image.deleted").setProperty(IMAGE, id.hex()).send(purge, id.hex());
    }
}
