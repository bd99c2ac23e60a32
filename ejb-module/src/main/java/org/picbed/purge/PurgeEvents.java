package org.picbed.purge;

import java.time.Instant;

/** Port: a purge's messages (implemented in jms-module), sent inside the transaction that records it. */
public interface PurgeEvents {

    /** Every node of this site clears its node-local state; with {@code toPeers}, every peer site applies the purge. */
    void purged(String purgeId, PurgeRequest request, String origin, String by, Instant at, boolean toPeers);

    /** Tells site {@code origin} that this site has applied its purge. */
    void applied(String purgeId, String origin, PurgeOutcome outcome, Instant at);
}
