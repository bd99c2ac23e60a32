package org.picbed.purge;

import org.picbed.image.ImageId;

import java.util.Optional;

/** What to purge: one image (original and every variant), one variant spec of an image, or everything. */
public record PurgeRequest(Scope scope, Optional<ImageId> image, Optional<String> spec) {

    public enum Scope { IMAGE, VARIANT, ALL }

    public static PurgeRequest image(ImageId id) {
        return new PurgeRequest(Scope.IMAGE, Optional.of(id), Optional.empty());
    }

    public static PurgeRequest variant(ImageId id, String spec) {
        return new PurgeRequest(Scope.VARIANT, Optional.of(id), Optional.of(spec));
    }

    public static PurgeRequest all() {
        return new PurgeRequest(Scope.ALL, Optional.empty(), Optional.empty());
    }

    public String describe() {
        return switch (scope) {
            case IMAGE -> "image " + image.orElseThrow().hex();
            case VARIANT -> "variant " + spec.orElseThrow() + " of " + image.orElseThrow().hex();
            case ALL -> "everything";
        };
    }
}
