package org.picbed.purge;

/** What applying a purge found and dropped at one site. */
public record PurgeOutcome(boolean found, int variantsRemoved, int hotEvicted) {
}
