package org.picbed.shop;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A product of the storefront, with its pictures in display order (the first is the cover). */
@Entity
@Table(name = "shop_product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slug", nullable = false, length = 80, unique = true)
    private String slug;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description", nullable = false, columnDefinition = "TEXT")
    private String description;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    @Column(name = "currency", nullable = false, length = 3, columnDefinition = "CHAR(3)")
    private String currency;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position ASC, id ASC")
    private List<Picture> pictures = new ArrayList<>();

    protected Product() {
    }

    public Product(String slug, String name, String description, long priceCents, String currency, Instant now) {
        this.slug = Objects.requireNonNull(slug);
        this.createdAt = Objects.requireNonNull(now);
        describe(name, description, priceCents, currency, now);
    }

    public void describe(String name, String description, long priceCents, String currency, Instant now) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.priceCents = priceCents;
        this.currency = Objects.requireNonNull(currency);
        this.updatedAt = Objects.requireNonNull(now);
    }

    /** The pictures in display order; change them through this list, then {@link #renumber}. */
    public List<Picture> pictures() {
        return pictures;
    }

    /** Makes positions 0..n-1 follow the list order. */
    public void renumber(Instant now) {
        for (int i = 0; i < pictures.size(); i++) {
            pictures.get(i).moveTo(i);
        }
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public long priceCents() {
        return priceCents;
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
