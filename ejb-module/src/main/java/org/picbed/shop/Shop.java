package org.picbed.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageId;
import org.picbed.image.Images;

import java.io.IOException;
import java.io.InputStream;

/**
 * Uploads for the storefront: the bytes are stored like any upload (content-addressed, durable, replicated)
 * first, then the product is pointed at them in its own transaction. A failure in between leaves a stored
 * image that no product shows, never a picture without its image.
 */
@ApplicationScoped
public class Shop {

    /** Who uploaded, in the image's upload history. */
    public static final Uploader ADMIN = new Uploader("shop-admin");

    @Inject
    Images images;

    @Inject
    ShopCatalog catalog;

    /** The product (and picture) are checked before the bytes are read, so a bad address stores nothing. */
    public PictureView addPicture(String slug, InputStream content, String fileName, String alt) throws IOException {
        catalog.existing(slug);
        return catalog.attach(slug, store(content, fileName), alt);
    }

    public PictureView replacePicture(String slug, long pictureId, InputStream content, String fileName) throws IOException {
        if (catalog.existing(slug).pictures().stream().noneMatch(p -> p.id() == pictureId)) {
            throw new PicbedException(404, "not_found", "no such picture of this product");
        }
        return catalog.replace(slug, pictureId, store(content, fileName));
    }

    private ImageId store(InputStream content, String fileName) throws IOException {
        return ImageId.parse(images.ingest(content, fileName, ADMIN, null).image().id()).orElseThrow();
    }
}
