package org.picbed.variant.background;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.image.ImageVariant;
import org.picbed.variant.serve.Variants;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantOptions;
import org.picbed.variant.store.VariantCatalog;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-renders every known variant of an image in the background: the stored and hot copies are dropped, the rows
 * go back to pending and one low-priority job per variant is queued, all in one transaction.
 */
@Stateless
public class VariantRerenders {

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    @Inject
    VariantOptions options;

    @Inject
    Variants variants;

    @Inject
    VariantJobs jobs;

    public List<VariantCatalog.Requested> rerender(ImageId image) throws IOException {
        List<ImageVariant> rows = em.createQuery("select v from ImageVariant v where v.imageId = :id", ImageVariant.class)
                .setParameter("id", image).getResultList();
        List<VariantCatalog.Requested> queued = new ArrayList<>();
        Instant now = Instant.now();
        for (ImageVariant row : rows) {
            ImageFormat format = row.format();
            VariantKey key = new VariantKey(image, options.parse(row.spec()), format);
            variants.forget(key);
            row.pending(now);
            queued.add(new VariantCatalog.Requested(key, row.preset()));
        }
        jobs.rerender(queued);
        return queued;
    }
}
