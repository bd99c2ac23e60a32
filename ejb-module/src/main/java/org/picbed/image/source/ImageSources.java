package org.picbed.image.source;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.picbed.image.ImageId;
import org.picbed.image.ImageSource;

import java.time.Instant;
import java.util.Optional;

/** Which stored image each remote source URL was fetched into (table {@code image_source}). */
@Stateless
public class ImageSources {

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    public Optional<ImageSource> find(String urlSha) {
        return Optional.ofNullable(em.find(ImageSource.class, urlSha));
    }

    /** The URL names these bytes now. */
    public void record(String urlSha, String url, ImageId image, Instant at) {
        ImageSource known = em.find(ImageSource.class, urlSha);
        if (known == null) {
            em.persist(new ImageSource(urlSha, url, image, at));
        } else {
            known.refetched(image, at);
        }
    }
}
