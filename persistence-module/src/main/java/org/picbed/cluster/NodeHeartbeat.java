package org.picbed.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The last heartbeat a node sent through the message broker, as recorded by the consumer that received it.
 * Heartbeats may arrive late, twice or out of order: only a newer beat moves the record forward.
 */
@Entity
@Table(name = "node_heartbeat")
public class NodeHeartbeat {

    public static final int MAX_NODE_NAME = 64;

    @Id
    @Column(name = "node_name", length = MAX_NODE_NAME)
    private String nodeName;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Column(name = "last_received_at", nullable = false)
    private Instant lastReceivedAt;

    @Column(name = "beats", nullable = false)
    private long beats;

    @Version
    private long version;

    protected NodeHeartbeat() {
    }

    public NodeHeartbeat(String nodeName, Instant sentAt, Instant receivedAt) {
        this.nodeName = requireNodeName(nodeName);
        this.lastSentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.lastReceivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.beats = 1;
    }

    /** Records a beat; returns false (and changes nothing) when it is not newer than the last one seen. */
    public boolean beat(Instant sentAt, Instant receivedAt) {
        if (!sentAt.isAfter(lastSentAt)) {
            return false;
        }
        lastSentAt = sentAt;
        lastReceivedAt = receivedAt;
        beats++;
        return true;
    }

    /** How long the last beat spent between its sender and the consumer. */
    public Duration transitTime() {
        return Duration.between(lastSentAt, lastReceivedAt);
    }

    public static String requireNodeName(String nodeName) {
        if (nodeName == null || nodeName.isBlank() || nodeName.length() > MAX_NODE_NAME) {
            throw new IllegalArgumentException("node name must be 1.." + MAX_NODE_NAME + " characters");
        }
        return nodeName;
    }

    public String nodeName() {
        return nodeName;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public Instant lastReceivedAt() {
        return lastReceivedAt;
    }

    public long beats() {
        return beats;
    }
}
