package org.picbed.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A remote source URL (imgproxy's {@code plain/<url>}) and the stored image it was last fetched into. */
@Entity
@Table(name = "image_source")
public class ImageSource {

    @Id
    @Column(name = "url_sha", length = 64)
    private String urlSha;

    @Column(name = "url", nullable = false, length = 2048)
    private String url;

    @Column(name = "image_id", nullable = false, length = 64)
    private String imageId;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    protected ImageSource() {
    }

    public ImageSource(String urlSha, String url, ImageId image, Instant fetchedAt) {
        this.urlSha = urlSha;
        this.url = url;
        this.imageId = image.hex();
        this.fetchedAt = fetchedAt;
    }

    public String url() {
        return url;
    }

    public ImageId image() {
        return ImageId.parse(imageId).orElseThrow();
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }

    /** The URL now names these bytes, fetched at {@code at}. */
    public void refetched(ImageId image, Instant at) {
        this.imageId = image.hex();
        this.fetchedAt = at;
    }
}
