package org.picbed.image;

/**
 * Port: what follows from a change to the image catalogue, sent inside the same JTA transaction as the rows
 * (the outbox point). Implemented in jms-module; thumbnails (eager presets) and replication to peer sites
 * attach here.
 */
public interface ImageEvents {

    void created(ImageId id, ImageFormat format);

    void deleted(ImageId id);
}
