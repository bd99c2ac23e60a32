package org.picbed.purge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A site has applied a purge: what it found and dropped there. */
@Entity
@Table(name = "cache_purge_ack")
@IdClass(PurgeAck.Key.class)
public class PurgeAck {

    @Id
    @Column(name = "purge_id", length = 40)
    private String purgeId;

    @Id
    @Column(name = "site", length = 32)
    private String site;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    @Column(name = "found", nullable = false)
    private boolean found;

    @Column(name = "variants_removed", nullable = false)
    private int variantsRemoved;

    @Column(name = "hot_evicted", nullable = false)
    private int hotEvicted;

    protected PurgeAck() {
    }

    public PurgeAck(String purgeId, String site, Instant appliedAt, boolean found, int variantsRemoved, int hotEvicted) {
        this.purgeId = purgeId;
        this.site = site;
        this.appliedAt = appliedAt;
        this.found = found;
        this.variantsRemoved = variantsRemoved;
        this.hotEvicted = hotEvicted;
    }

    public String purgeId() {
        return purgeId;
    }

    public String site() {
        return site;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public boolean found() {
        return found;
    }

    public int variantsRemoved() {
        return variantsRemoved;
    }

    public int hotEvicted() {
        return hotEvicted;
    }

    /** The composite key (purge, site). */
    public static class Key implements Serializable {
        private String purgeId;
        private String site;

        public Key() {
        }

        public Key(String purgeId, String site) {
            this.purgeId = purgeId;
            this.site = site;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.purgeId.equals(purgeId) && k.site.equals(site);
        }

        @Override
        public int hashCode() {
            return purgeId.hashCode() * 31 + site.hashCode();
        }
    }
}
