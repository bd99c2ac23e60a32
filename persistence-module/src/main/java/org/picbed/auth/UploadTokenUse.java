package org.picbed.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * How far one upload token has been used, on every node: the requests made with it and the files they carried
 * (stored or attempted). The row appears with the token's first request; a single-use token has no second.
 */
@Entity
@Table(name = "upload_token_use")
public class UploadTokenUse {

    @Id
    @Column(name = "token_id", length = 32)
    private String tokenId;

    @Column(name = "requests", nullable = false)
    private int requests;

    @Column(name = "files", nullable = false)
    private int files;

    @Column(name = "first_used_at", nullable = false)
    private Instant firstUsedAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    protected UploadTokenUse() {
    }

    /** The first request made with a token. */
    public UploadTokenUse(String tokenId, Instant at) {
        this.tokenId = tokenId;
        this.requests = 1;
        this.files = 0;
        this.firstUsedAt = at;
        this.lastUsedAt = at;
    }

    public String tokenId() {
        return tokenId;
    }

    public int requests() {
        return requests;
    }

    public int files() {
        return files;
    }

    public Instant firstUsedAt() {
        return firstUsedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
