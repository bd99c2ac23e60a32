package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.image.ImageId;
import org.picbed.variant.background.OriginVariants;
import org.picbed.variant.spec.VariantKey;

import java.util.Optional;

/** A replica's eager variants from the image's origin site, by their public preset URL there. */
@ApplicationScoped
public class PeerVariants implements OriginVariants {

    @Inject
    PeerClient peers;

    @Override
    public Optional<byte[]> fetch(ImageId image, String originSite, VariantKey key, String preset) {
        if (originSite == null || originSite.equals(peers.settings().site())) {
            return Optional.empty();
        }
        return peers.settings().peer(originSite).flatMap(origin -> peers.variant(origin,
                "/i/" + image.hex() + "/" + preset + "." + key.format().extension(), key.etag()));
    }
}
