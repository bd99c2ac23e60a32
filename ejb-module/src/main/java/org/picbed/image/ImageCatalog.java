package org.picbed.image;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.picbed.auth.Uploader;
import org.picbed.config.Settings;
import org.picbed.variant.EagerVariants;
import org.picbed.variant.VariantCatalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The images' metadata in MariaDB; each method is one JTA transaction with the events it causes. */
@Stateless
public class ImageCatalog {

    private static final String SITE = Settings.fromEnvironment().get("site", "local");

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    @Inject
    ImageEvents events;

    @Inject
    EagerVariants eagerVariants;

    @Inject
    VariantCatalog variants;

    /** Records an upload of stored bytes; creates the image if it is new (a deliberate upload lifts a tombstone). */
    public Recorded record(ImageId id, ImageInfo info, long bytes, String displayName, Uploader uploader, String idempotencyKey) {
        Instant now = Instant.now();
        Image image = em.find(Image.class, id.hex());
        boolean created = image == null;
        if (created) {
            image = new Image(id.hex(), info.format(), info.width(), info.height(), info.frames(), bytes, now, SITE);
            em.persist(image);
            ImageTombstone tombstone = em.find(ImageTombstone.class, id.hex());
            if (tombstone != null) {
                em.remove(tombstone);
            }
            variants.requested(eagerVariants.of(id, info.format()));
            events.created(id, info.format());
        }
        em.persist(new ImageUpload(id.hex(), uploader.fingerprint(), displayName, now, idempotencyKey));
        return new Recorded(image, created);
    }

    public Optional<Image> find(ImageId id) {
        return Optional.ofNullable(em.find(Image.class, id.hex()));
    }

    public List<ImageUpload> uploads(ImageId id) {
        return em.createQuery("select u from ImageUpload u where u.imageId = :id order by u.uploadedAt", ImageUpload.class)
                .setParameter("id", id.hex()).getResultList();
    }

    public List<ImageVariant> variants(ImageId id) {
        return variants.of(id);
    }

    public boolean isTombstoned(ImageId id) {
        return em.find(ImageTombstone.class, id.hex()) != null;
    }

    /** Removes the image and its uploads and leaves a tombstone; false when there was no such image. */
    public boolean delete(ImageId id, Uploader who) {
        Image image = em.find(Image.class, id.hex());
        if (image == null) {
            return false;
        }
        em.createQuery("delete from ImageUpload u where u.imageId = :id").setParameter("id", id.hex()).executeUpdate();
        em.remove(image);
        if (em.find(ImageTombstone.class, id.hex()) == null) {
            em.persist(new ImageTombstone(id.hex(), Instant.now(), who.fingerprint()));
        }
        events.deleted(id);
        return true;
    }

    public record Recorded(Image image, boolean created) {
    }
}
