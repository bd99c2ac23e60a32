package org.picbed.shop;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** A product as pages show it, detached from the persistence context (JavaBean getters for JSP EL). */
public record ProductView(long id, String slug, String name, String description, long priceCents, String currency,
                          Instant updatedAt, List<PictureView> pictures) {

    static ProductView of(Product product) {
        return new ProductView(product.id(), product.slug(), product.name(), product.description(), product.priceCents(),
                product.currency(), product.updatedAt(), product.pictures().stream().map(PictureView::of).toList());
    }

    /** The price for display, e.g. {@code €12.50}. */
    public String price() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(BigDecimal.valueOf(priceCents, 2));
    }

    /** The price as typed in the admin form, e.g. {@code 12.50}. */
    public String plainPrice() {
        return BigDecimal.valueOf(priceCents, 2).toPlainString();
    }

    /** The first picture, or null. */
    public PictureView cover() {
        return pictures.isEmpty() ? null : pictures.get(0);
    }

    public long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPrice() {
        return price();
    }

    public String getPlainPrice() {
        return plainPrice();
    }

    public List<PictureView> getPictures() {
        return pictures;
    }

    public PictureView getCover() {
        return cover();
    }
}
