package org.picbed.variant.background;

import org.picbed.image.ImageId;
import org.picbed.variant.spec.VariantKey;

import java.util.Optional;

/**
 * Port: a replica's eager variant from the site the image was uploaded at, which renders the same presets for
 * its own upload, so a replica need not render them again. Implemented by {@code site.PeerVariants}.
 */
public interface OriginVariants {

    /**
     * The variant's bytes as the image's origin site serves them under the same key (its ETag must be this key's),
     * or empty when the image originated here, the origin is not a peer, cannot be reached, or names another
     * variant by that preset: the caller then renders it itself.
     */
    Optional<byte[]> fetch(ImageId image, String originSite, VariantKey key, String preset);
}
