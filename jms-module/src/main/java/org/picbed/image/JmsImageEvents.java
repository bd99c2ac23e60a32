package org.picbed.image;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import org.picbed.messaging.Destinations;

import java.util.logging.Logger;

/**
 * The catalogue's events on the broker, sent with the container's XA context inside the catalogue transaction.
 * A deleted image is announced on the purge topic (property {@code image}) so that every node and site can drop
 * what it holds of it. Created images have no consumer yet: eager thumbnails and replication attach here.
 */
@ApplicationScoped
public class JmsImageEvents implements ImageEvents {

    private static final Logger LOG = Logger.getLogger(JmsImageEvents.class.getName());
    public static final String IMAGE = "image";
    public static final String EVENT = "event";

    @Inject
    JMSContext context;

    @Resource(lookup = Destinations.PURGE_TOPIC)
    Topic purge;

    @Override
    public void created(ImageId id, ImageFormat format) {
        LOG.fine(() -> "image created " + id + " (" + format.key() + ")");
    }

    @Override
    public void deleted(ImageId id) {
        context.createProducer().setProperty(EVENT, "image.deleted").setProperty(IMAGE, id.hex()).send(purge, id.hex());
    }
}
