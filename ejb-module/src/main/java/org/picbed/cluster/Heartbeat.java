package org.picbed.cluster;

import java.time.Instant;
import java.util.Objects;

/** A node saying it is alive at a moment; what travels on the heartbeat queue. */
public record Heartbeat(String nodeName, Instant sentAt) {

    public Heartbeat {
        NodeHeartbeat.requireNodeName(nodeName);
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
