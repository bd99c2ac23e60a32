package org.picbed.image;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Somebody uploaded an image's bytes: who, under which display name, when. */
@Entity
@Table(name = "image_upload")
public class ImageUpload {

    public static final int MAX_DISPLAY_NAME = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "image_id", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    @Convert(converter = ImageId.Column.class)
    private ImageId imageId;

    @Column(name = "uploader", nullable = false, length = 32)
    private String uploader;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME)
    private String displayName;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "idempotency_key", length = 128)
    private String idempotencyKey;

    protected ImageUpload() {
    }

    public ImageUpload(ImageId imageId, String uploader, String displayName, Instant uploadedAt, String idempotencyKey) {
        this.imageId = imageId;
        this.uploader = uploader;
        this.displayName = displayName;
        this.uploadedAt = uploadedAt;
        this.idempotencyKey = idempotencyKey;
    }

    public ImageId imageId() {
        return imageId;
    }

    public String uploader() {
        return uploader;
    }

    public String displayName() {
        return displayName;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
