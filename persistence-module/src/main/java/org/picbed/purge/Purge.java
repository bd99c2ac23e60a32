package org.picbed.purge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One purge request: an image (original and variants), one variant spec of an image, or everything. */
@Entity
@Table(name = "cache_purge")
public class Purge {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "scope", nullable = false, length = 16)
    private String scope;

    @Column(name = "image_id", length = 64, columnDefinition = "CHAR(64)")
    private String imageId;

    @Column(name = "spec", length = 1024)
    private String spec;

    @Column(name = "requested_by", nullable = false, length = 128)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "origin_site", nullable = false, length = 32)
    private String originSite;

    protected Purge() {
    }

    public Purge(String id, String scope, String imageId, String spec, String requestedBy, Instant requestedAt, String originSite) {
        this.id = id;
        this.scope = scope;
        this.imageId = imageId;
        this.spec = spec;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.originSite = originSite;
    }

    public String id() {
        return id;
    }

    public String scope() {
        return scope;
    }

    public String imageId() {
        return imageId;
    }

    public String spec() {
        return spec;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String originSite() {
        return originSite;
    }
}
