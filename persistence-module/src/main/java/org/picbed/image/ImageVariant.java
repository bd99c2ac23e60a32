package org.picbed.image;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A derived image of a stored image and how far its rendering got; the bytes are in the blob store. */
@Entity
@Table(name = "image_variant")
public class ImageVariant {

    public enum State { PENDING, READY, FAILED }

    @Id
    @Column(name = "variant_key", length = 32, columnDefinition = "CHAR(32)")
    private String key;

    @Column(name = "image_id", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    @Convert(converter = ImageId.Column.class)
    private ImageId imageId;

    @Column(name = "spec", nullable = false, length = 512)
    private String spec;

    @Convert(converter = Image.FormatColumn.class)
    @Column(name = "format", nullable = false, length = 8)
    private ImageFormat format;

    @Column(name = "preset", length = 32)
    private String preset;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "reason", length = 255)
    private String reason;

    @Column(name = "width")
    private Integer width;

    @Column(name = "height")
    private Integer height;

    @Column(name = "bytes")
    private Long bytes;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ImageVariant() {
    }

    public ImageVariant(String key, ImageId imageId, String spec, ImageFormat format, String preset, Instant now) {
        this.key = Objects.requireNonNull(key);
        this.imageId = Objects.requireNonNull(imageId);
        this.spec = Objects.requireNonNull(spec);
        this.format = Objects.requireNonNull(format);
        this.preset = preset;
        this.state = State.PENDING;
        this.requestedAt = now;
        this.updatedAt = now;
    }

    public void ready(int width, int height, long bytes, Instant now) {
        this.state = State.READY;
        this.reason = null;
        this.width = width;
        this.height = height;
        this.bytes = bytes;
        this.updatedAt = now;
    }

    public void failed(String reason, Instant now) {
        this.state = State.FAILED;
        this.reason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 255));
        this.updatedAt = now;
    }

    /** Asked for again: a failed variant goes back to pending, a ready one stays ready. */
    public void requested(String preset, Instant now) {
        if (state == State.FAILED) {
            state = State.PENDING;
            reason = null;
        }
        if (this.preset == null) {
            this.preset = preset;
        }
        this.updatedAt = now;
    }

    /** To be rendered again. */
    public void pending(Instant now) {
        this.state = State.PENDING;
        this.reason = null;
        this.updatedAt = now;
    }

    public void attempted() {
        attempts++;
    }

    public String key() { return key; }
    public ImageId imageId() { return imageId; }
    public String spec() { return spec; }
    public ImageFormat format() { return format; }
    public String preset() { return preset; }
    public State state() { return state; }
    public String reason() { return reason; }
    public Integer width() { return width; }
    public Integer height() { return height; }
    public Long bytes() { return bytes; }
    public int attempts() { return attempts; }
    public Instant requestedAt() { return requestedAt; }
    public Instant updatedAt() { return updatedAt; }
}
