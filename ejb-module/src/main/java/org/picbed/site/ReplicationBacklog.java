package org.picbed.site;

import java.util.Optional;

/** Port: the broker's side of replication, per peer (implemented in jms-module). */
public interface ReplicationBacklog {

    /** Messages waiting here for a peer (its bridge is down or behind); empty when the peer has no outbound queue. */
    Optional<Pending> pending(String peer);

    /** Messages from a peer that this site gave up on (its replication dead-letter queue). */
    long deadLettered(String peer);

    record Pending(long messages, long oldestAgeMillis) {
    }
}
