package org.picbed.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.picbed.image.Image;

import java.util.Objects;

/** One picture of a product: a stored image (by content id), its alt text and its place in the gallery. */
@Entity
@Table(name = "shop_picture")
public class Picture {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    private Product product;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "image_id", nullable = false, columnDefinition = "CHAR(64)")
    private Image image;

    @Column(name = "alt", nullable = false, length = 300)
    private String alt;

    @Column(name = "position", nullable = false)
    private int position;

    @Version
    private long version;

    protected Picture() {
    }

    public Picture(Product product, Image image, String alt, int position) {
        this.product = Objects.requireNonNull(product);
        this.image = Objects.requireNonNull(image);
        this.alt = Objects.requireNonNull(alt);
        this.position = position;
    }

    /** Points the picture at other bytes: a new image, so a new URL. */
    public void show(Image replacement) {
        this.image = Objects.requireNonNull(replacement);
    }

    public void describe(String alt) {
        this.alt = Objects.requireNonNull(alt);
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public Image image() {
        return image;
    }

    public String alt() {
        return alt;
    }

    public int position() {
        return position;
    }
}
