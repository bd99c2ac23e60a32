package org.picbed.site;

import org.picbed.image.ImageId;

import java.time.Instant;

/** One replicated change: an image created or deleted at site {@code origin} at {@code at}. */
public record ReplicationEvent(Kind kind, ImageId image, String origin, Instant at) {

    public enum Kind { CREATED, DELETED }
}
