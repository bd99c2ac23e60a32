package org.picbed.image;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.picbed.auth.Uploader;
import org.picbed.config.Settings;
import org.picbed.image.format.ImageInfo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The images' metadata in MariaDB; each method is one JTA transaction with the events it causes. */
@Stateless
public class ImageCatalog {

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    @Inject
    ImageEvents events;

    @Inject
    Settings settings;

    @Inject
    Event<ImageCreated> created;

    /** Records an upload of stored bytes; creates the image if it is new (a deliberate upload lifts a tombstone). */
    public Recorded record(ImageId id, ImageInfo info, long bytes, String displayName, Uploader uploader, String idempotencyKey) {
        Instant now = Instant.now();
        Image image = em.find(Image.class, id.hex());
        boolean created = image == null;
        if (created) {
            image = create(id, info, bytes, now, settings.site(), true);
        }
        em.persist(new ImageUpload(id, uploader.fingerprint(), displayName, now, idempotencyKey));
        return new Recorded(image, created);
    }

    public Optional<Image> find(ImageId id) {
        return Optional.ofNullable(em.find(Image.class, id.hex()));
    }

    /** Up to {@code limit} image ids after {@code after} (null: from the start), in id order (the scrubber's walk). */
    public List<ImageId> idsAfter(ImageId after, int limit) {
        return em.createQuery("select i.id from Image i where i.id > :after order by i.id", String.class)
                .setParameter("after", after == null ? "" : after.hex()).setMaxResults(limit).getResultList()
                .stream().map(ImageId::new).toList();
    }

    public List<ImageUpload> uploads(ImageId id) {
        return em.createQuery("select u from ImageUpload u where u.imageId = :id order by u.uploadedAt", ImageUpload.class)
                .setParameter("id", id).getResultList();
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
        remove(id, image, Instant.now(), who.fingerprint(), true);
        return true;
    }

    /** Whether a copy of an image created at {@code createdAt} somewhere else is still wanted here. */
    public ReplicaState replicaState(ImageId id, Instant createdAt) {
        if (em.find(Image.class, id.hex()) != null) {
            return ReplicaState.PRESENT;
        }
        ImageTombstone tombstone = em.find(ImageTombstone.class, id.hex());
        return tombstone != null && !tombstone.deletedAt().isBefore(createdAt) ? ReplicaState.DELETED : ReplicaState.WANTED;
    }

    /**
     * Records a copy of an image from site {@code origin} (replication or read repair); its eager variants are
     * rendered here too, and it is not announced to the peers again. False when it is present or deleted here.
     */
    public boolean recordReplica(ImageId id, ImageInfo info, long bytes, String origin, Instant createdAt) {
        if (replicaState(id, createdAt) != ReplicaState.WANTED) {
            return false;
        }
        create(id, info, bytes, createdAt, origin, false);
        return true;
    }

    /**
     * Applies a delete made at site {@code origin} at {@code at}: rows go, a tombstone stays (also when the image
     * never arrived, so that a late copy is refused). An image created here after the delete is kept.
     */
    public boolean deleteReplica(ImageId id, String origin, Instant at) {
        Image image = em.find(Image.class, id.hex());
        if (image != null && image.createdAt().isAfter(at)) {
            return false;
        }
        remove(id, image, at, "site:" + origin, false);
        return image != null;
    }

    /** A new image row (a deliberate upload or a replica lifts a tombstone), announced in-process (eager variants) and to the queues. */
    private Image create(ImageId id, ImageInfo info, long bytes, Instant at, String origin, boolean toPeers) {
        Image image = new Image(id.hex(), info.format(), info.width(), info.height(), info.frames(), bytes, at, origin);
        em.persist(image);
        ImageTombstone tombstone = em.find(ImageTombstone.class, id.hex());
        if (tombstone != null) {
            em.remove(tombstone);
        }
        created.fire(new ImageCreated(id, info.format()));
        events.created(id, info.format(), at, toPeers);
        return image;
    }

    /** Rows go (if there are any), a tombstone stays, and the deletion is announced. */
    private void remove(ImageId id, Image image, Instant at, String by, boolean toPeers) {
        if (image != null) {
            em.createQuery("delete from ImageUpload u where u.imageId = :id").setParameter("id", id).executeUpdate();
            em.remove(image);
        }
        if (em.find(ImageTombstone.class, id.hex()) == null) {
            em.persist(new ImageTombstone(id.hex(), at, by));
        }
        events.deleted(id, at, toPeers);
    }

    public enum ReplicaState { PRESENT, DELETED, WANTED }

    public record Recorded(Image image, boolean created) {
    }
}
