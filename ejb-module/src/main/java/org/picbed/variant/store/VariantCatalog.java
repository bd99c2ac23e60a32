package org.picbed.variant.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.picbed.image.ImageId;
import org.picbed.image.ImageVariant;
import org.picbed.variant.spec.VariantKey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The variant rows: what was asked for and how far rendering got. */
@Stateless
public class VariantCatalog {

    private static final String UPSERT = """
            INSERT INTO image_variant (variant_key, image_id, spec, format, preset, state, reason, width, height, bytes,
                                       attempts, requested_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11)
            ON DUPLICATE KEY UPDATE state = VALUES(state), reason = VALUES(reason),
                width = COALESCE(VALUES(width), width), height = COALESCE(VALUES(height), height),
                bytes = COALESCE(VALUES(bytes), bytes), attempts = attempts + 1, updated_at = VALUES(updated_at),
                preset = COALESCE(preset, VALUES(preset))""";

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    /** Records pending variants inside the caller's transaction (the upload's), unless they are already known. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void requested(List<Requested> variants) {
        Instant now = Instant.now();
        for (Requested r : variants) {
            ImageVariant row = em.find(ImageVariant.class, r.key().digest());
            if (row == null) {
                em.persist(new ImageVariant(r.key().digest(), r.key().image(), r.key().spec().canonical(),
                        r.key().format(), r.preset(), now));
            } else {
                row.requested(r.preset(), now);
            }
        }
    }

    /** Whether the variant's row says it was rendered and stored. */
    public boolean isReady(VariantKey key) {
        ImageVariant row = em.find(ImageVariant.class, key.digest());
        return row != null && row.state() == ImageVariant.State.READY;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ready(VariantKey key, String preset, Integer width, Integer height, long bytes) {
        upsert(key, preset, ImageVariant.State.READY, null, width, height, bytes);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(VariantKey key, String preset, String reason) {
        upsert(key, preset, ImageVariant.State.FAILED, reason.length() > 255 ? reason.substring(0, 255) : reason,
                null, null, null);
    }

    public List<ImageVariant> of(ImageId image) {
        return em.createQuery("select v from ImageVariant v where v.imageId = :id order by v.requestedAt, v.key",
                ImageVariant.class).setParameter("id", image).getResultList();
    }

    private void upsert(VariantKey key, String preset, ImageVariant.State state, String reason, Integer width,
                        Integer height, Long bytes) {
        em.createNativeQuery(UPSERT)
                .setParameter(1, key.digest())
                .setParameter(2, key.image().hex())
                .setParameter(3, key.spec().canonical())
                .setParameter(4, key.format().key())
                .setParameter(5, preset)
                .setParameter(6, state.name())
                .setParameter(7, reason)
                .setParameter(8, width)
                .setParameter(9, height)
                .setParameter(10, bytes)
                .setParameter(11, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** A variant asked for, and the preset it came from (null for option URLs). */
    public record Requested(VariantKey key, String preset) {
    }
}
