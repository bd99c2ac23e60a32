package org.picbed.image;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/** One stored image: its content hash is its id, so the row never changes once written. */
@Entity
@Table(name = "image")
public class Image {

    @Id
    @Column(name = "id", length = 64, columnDefinition = "CHAR(64)")
    private String id;

    @Convert(converter = FormatColumn.class)
    @Column(name = "format", nullable = false, length = 8)
    private ImageFormat format;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    @Column(name = "frames", nullable = false)
    private int frames;

    @Column(name = "bytes", nullable = false)
    private long bytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "origin_site", nullable = false, length = 32)
    private String originSite;

    @Version
    private long version;

    protected Image() {
    }

    public Image(String id, ImageFormat format, int width, int height, int frames, long bytes, Instant createdAt, String originSite) {
        this.id = Objects.requireNonNull(id);
        this.format = Objects.requireNonNull(format);
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.bytes = bytes;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.originSite = Objects.requireNonNull(originSite);
    }

    public String id() {
        return id;
    }

    public ImageId imageId() {
        return new ImageId(id);
    }

    public ImageFormat format() {
        return format;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int frames() {
        return frames;
    }

    public long bytes() {
        return bytes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String originSite() {
        return originSite;
    }

    @Converter
    public static class FormatColumn implements AttributeConverter<ImageFormat, String> {
        @Override
        public String convertToDatabaseColumn(ImageFormat format) {
            return format == null ? null : format.key();
        }

        @Override
        public ImageFormat convertToEntityAttribute(String key) {
            return key == null ? null : ImageFormat.fromKey(key).orElseThrow(() -> new IllegalStateException("unknown format " + key));
        }
    }
}
