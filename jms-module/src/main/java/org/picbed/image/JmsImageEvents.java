package org.picbed.image;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.picbed.config.Settings;
import org.picbed.messaging.Destinations;
import org.picbed.site.Peer;
import org.picbed.site.SiteSettings;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue's events on the broker, sent with the container's XA context inside the catalogue transaction.
 * A created image asks for its eager variants on the thumbnails queue; a deleted image is announced on the purge
 * topic (property {@code image}) so that every node can drop what it holds of it. A change made at this site also
 * goes to each peer site's outbound queue, which a core bridge forwards to that site's replication queue.
 */
@ApplicationScoped
public class JmsImageEvents implements ImageEvents {

    public static final String IMAGE = "image";
    public static final String EVENT = "event";
    public static final String FORMAT = "format";
    public static final String ORIGIN = "origin";
    public static final String AT = "at";
    public static final String CREATED = "image.created";
    public static final String DELETED = "image.deleted";

    @Inject
    JMSContext context;

    @Resource(lookup = Destinations.PURGE_TOPIC)
    Topic purge;

    @Resource(lookup = Destinations.THUMBNAILS)
    Queue thumbnails;

    private final SiteSettings sites = SiteSettings.from(Settings.fromEnvironment());
    private final Map<String, Queue> outbound = new LinkedHashMap<>();

    @PostConstruct
    void lookUpPeers() {
        for (Peer peer : sites.peers()) {
            try {
                outbound.put(peer.name(), (Queue) new InitialContext().lookup(Destinations.outbound(peer.name())));
            } catch (NamingException e) {
                outbound.put(peer.name(), null);   // reported DOWN by the sites health check
            }
        }
    }

    @Override
    public void created(ImageId id, ImageFormat format, Instant at, boolean toPeers) {
        context.createProducer().setProperty(EVENT, CREATED).setProperty(IMAGE, id.hex())
                .setProperty(FORMAT, format.key()).send(thumbnails, id.hex());
        if (toPeers) {
            toPeers(CREATED, id, at);
        }
    }

    @Override
    public void deleted(ImageId id, Instant at, boolean toPeers) {
        context.createProducer().setProperty(EVENT, DELETED).setProperty(IMAGE, id.hex()).send(purge, id.hex());
        if (toPeers) {
            toPeers(DELETED, id, at);
        }
    }

    /** One durable message per peer, in the caller's transaction: no peer misses a change this site acknowledged. */
    private void toPeers(String event, ImageId id, Instant at) {
        outbound.forEach((peer, queue) -> {
            if (queue == null) {
                throw new IllegalStateException("no outbound queue for peer site " + peer);
            }
            JMSProducer producer = context.createProducer().setProperty(EVENT, event).setProperty(IMAGE, id.hex())
                    .setProperty(ORIGIN, sites.site()).setProperty(AT, at.toEpochMilli());
            producer.send(queue, id.hex());
        });
    }
}
