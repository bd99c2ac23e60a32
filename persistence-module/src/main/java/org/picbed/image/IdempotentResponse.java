package org.picbed.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/** The first answer given to a request with an Idempotency-Key (keyed per client), replayed to its retries. */
@Entity
@Table(name = "idempotent_response")
public class IdempotentResponse {

    @Id
    @Column(name = "request_key", length = 64, columnDefinition = "CHAR(64)")
    private String requestKey;

    @Column(name = "status", nullable = false)
    private int status;

    @Lob
    @Column(name = "body", nullable = false, columnDefinition = "MEDIUMTEXT")
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotentResponse() {
    }

    public IdempotentResponse(String requestKey, int status, String body, Instant createdAt) {
        this.requestKey = requestKey;
        this.status = status;
        this.body = body;
        this.createdAt = createdAt;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
