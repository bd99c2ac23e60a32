package org.picbed.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A deleted image. Replication and caches must not bring it back; a deliberate new upload removes the tombstone. */
@Entity
@Table(name = "image_tombstone")
public class ImageTombstone {

    @Id
    @Column(name = "image_id", length = 64, columnDefinition = "CHAR(64)")
    private String imageId;

    @Column(name = "deleted_at", nullable = false)
    private Instant deletedAt;

    @Column(name = "deleted_by", nullable = false, length = 32)
    private String deletedBy;

    protected ImageTombstone() {
    }

    public ImageTombstone(String imageId, Instant deletedAt, String deletedBy) {
        this.imageId = imageId;
        this.deletedAt = deletedAt;
        this.deletedBy = deletedBy;
    }

    public String imageId() {
        return imageId;
    }

    public Instant deletedAt() {
        return deletedAt;
    }
}
