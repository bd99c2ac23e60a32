package org.picbed.image;

import java.time.Instant;

/**
 * Port: what follows from a change to the image catalogue, sent inside the same JTA transaction as the rows
 * (the outbox point). Implemented in jms-module; thumbnails (eager presets) and replication to peer sites
 * attach here.
 */
public interface ImageEvents {

    /** An image is new here ({@code at}: when it was created at its origin); {@code toPeers}: announce it to the peer sites. */
    void created(ImageId id, ImageFormat format, Instant at, boolean toPeers);

    /** An image was deleted ({@code at}: when, at the site where it was deleted); {@code toPeers} as above. */
    void deleted(ImageId id, Instant at, boolean toPeers);
}
