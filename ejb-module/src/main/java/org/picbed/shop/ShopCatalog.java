package org.picbed.shop;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.picbed.error.PicbedException;
import org.picbed.image.Image;
import org.picbed.image.ImageId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Products and their pictures in MariaDB; each method is one transaction and returns detached views. */
@Stateless
public class ShopCatalog {

    public static final int MAX_PICTURES = 24;
    public static final int MAX_ALT = 300;

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    /** Every product, newest first, with its pictures. */
    public List<ProductView> products() {
        List<Product> products = em.createQuery("select distinct p from Product p left join fetch p.pictures order by p.createdAt desc, p.id desc", Product.class)
                .getResultList();
        return products.stream().map(ProductView::of).toList();
    }

    public Optional<ProductView> product(String slug) {
        return find(slug).map(ProductView::of);
    }

    /** @throws PicbedException 404 {@code not_found} */
    public ProductView existing(String slug) {
        return ProductView.of(require(slug));
    }

    public ProductView create(ProductDraft draft) {
        String slug = Slugs.unique(Slugs.of(draft.name()), s -> find(s).isPresent());
        Product product = new Product(slug, draft.name(), draft.description(), draft.priceCents(), draft.currency(), Instant.now());
        em.persist(product);
        return ProductView.of(product);
    }

    public ProductView update(String slug, ProductDraft draft) {
        Product product = require(slug);
        product.describe(draft.name(), draft.description(), draft.priceCents(), draft.currency(), Instant.now());
        return ProductView.of(product);
    }

    public void delete(String slug) {
        em.remove(require(slug));
    }

    /** Adds a stored image as the product's last picture. */
    public PictureView attach(String slug, ImageId imageId, String alt) {
        Product product = require(slug);
        if (product.pictures().size() >= MAX_PICTURES) {
            throw new PicbedException(409, "too_many_pictures", "a product has at most " + MAX_PICTURES + " pictures");
        }
        Picture picture = new Picture(product, image(imageId), alt(alt, product), product.pictures().size());
        product.pictures().add(picture);
        product.renumber(Instant.now());
        em.flush();
        return PictureView.of(picture);
    }

    /** Points a picture at another stored image (its URL changes; the old image is kept as it was). */
    public PictureView replace(String slug, long pictureId, ImageId imageId) {
        Product product = require(slug);
        Picture picture = picture(product, pictureId);
        picture.show(image(imageId));
        product.renumber(Instant.now());
        return PictureView.of(picture);
    }

    public PictureView describe(String slug, long pictureId, String alt) {
        Product product = require(slug);
        Picture picture = picture(product, pictureId);
        picture.describe(alt(alt, product));
        product.renumber(Instant.now());
        return PictureView.of(picture);
    }

    public void remove(String slug, long pictureId) {
        Product product = require(slug);
        product.pictures().remove(picture(product, pictureId));
        product.renumber(Instant.now());
    }

    /** Moves a picture by {@code delta} places (negative: towards the cover), clamped to the gallery. */
    public ProductView move(String slug, long pictureId, int delta) {
        Product product = require(slug);
        List<Picture> pictures = product.pictures();
        Picture picture = picture(product, pictureId);
        int from = pictures.indexOf(picture);
        int to = Math.max(0, Math.min(pictures.size() - 1, from + delta));
        pictures.remove(from);
        pictures.add(to, picture);
        product.renumber(Instant.now());
        return ProductView.of(product);
    }

    /** Puts the pictures in the given order; it must name each of the product's pictures once. */
    public ProductView reorder(String slug, List<Long> pictureIds) {
        Product product = require(slug);
        List<Picture> pictures = product.pictures();
        if (pictureIds.size() != pictures.size() || new HashSet<>(pictureIds).size() != pictureIds.size()) {
            throw new PicbedException(400, "invalid_order", "list each of the product's " + pictures.size() + " pictures once");
        }
        List<Picture> ordered = new ArrayList<>();
        for (long id : pictureIds) {
            ordered.add(picture(product, id));
        }
        pictures.clear();
        pictures.addAll(ordered);
        product.renumber(Instant.now());
        return ProductView.of(product);
    }

    private Optional<Product> find(String slug) {
        if (!Slugs.isValid(slug)) {
            return Optional.empty();
        }
        return em.createQuery("select p from Product p where p.slug = :slug", Product.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    private Product require(String slug) {
        return find(slug).orElseThrow(() -> new PicbedException(404, "not_found", "no such product"));
    }

    private static Picture picture(Product product, long pictureId) {
        return product.pictures().stream().filter(p -> p.id() == pictureId).findFirst()
                .orElseThrow(() -> new PicbedException(404, "not_found", "no such picture of this product"));
    }

    private Image image(ImageId id) {
        Image image = em.find(Image.class, id.hex());
        if (image == null) {
            throw new PicbedException(404, "not_found", "no such image");
        }
        return image;
    }

    private static String alt(String alt, Product product) {
        String text = alt == null || alt.isBlank() ? product.name() : alt.strip();
        if (text.length() > MAX_ALT || text.chars().anyMatch(Character::isISOControl)) {
            throw new PicbedException(400, "invalid_picture", "alt text: at most " + MAX_ALT + " characters, no control characters");
        }
        return text;
    }
}
