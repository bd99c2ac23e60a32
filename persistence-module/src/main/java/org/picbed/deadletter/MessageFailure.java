package org.picbed.deadletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A message that failed at least once: where, about what, why the last attempt failed and how many there were; and,
 * once it reached its dead-letter queue, whether an operator redrove or discarded it (the audit of those actions).
 */
@Entity
@Table(name = "message_failure")
public class MessageFailure {

    public static final int REASON_LENGTH = 500;

    @Id
    @Column(name = "message_id", length = 100)
    private String messageId;

    @Column(name = "queue", nullable = false, length = 100)
    private String queue;

    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "subject", length = 100)
    private String subject;

    @Column(name = "reason", nullable = false, length = REASON_LENGTH)
    private String reason;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "first_failure", nullable = false)
    private Instant firstFailure;

    @Column(name = "last_failure", nullable = false)
    private Instant lastFailure;

    @Column(name = "resolution", length = 16)
    private String resolution;

    @Column(name = "resolved_by", length = 128)
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected MessageFailure() {
    }

    public MessageFailure(String messageId, String queue, String kind, String subject, String reason, int attempts, Instant at) {
        this.messageId = messageId;
        this.queue = queue;
        this.kind = kind;
        this.subject = subject;
        this.reason = clip(reason);
        this.attempts = attempts;
        this.firstFailure = at;
        this.lastFailure = at;
    }

    /** Another failed attempt of the same message. */
    public void failedAgain(String reason, int attempts, Instant at) {
        this.reason = clip(reason);
        this.attempts = Math.max(this.attempts, attempts);
        this.lastFailure = at;
    }

    /** An operator redrove ({@code redriven}) or discarded ({@code discarded}) the dead letter. */
    public void resolve(String resolution, String by, Instant at) {
        this.resolution = resolution;
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    private static String clip(String reason) {
        String r = reason == null || reason.isBlank() ? "unknown" : reason;
        return r.length() <= REASON_LENGTH ? r : r.substring(0, REASON_LENGTH - 1) + "…";
    }

    public String messageId() {
        return messageId;
    }

    public String queue() {
        return queue;
    }

    public String kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String reason() {
        return reason;
    }

    public int attempts() {
        return attempts;
    }

    public Instant firstFailure() {
        return firstFailure;
    }

    public Instant lastFailure() {
        return lastFailure;
    }

    public String resolution() {
        return resolution;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
