package org.picbed.variant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.picbed.image.ImageFormat;

import java.util.Optional;

/**
 * Answers a variant request from the hot cache alone, or says it cannot: no disk, no render, no database, no
 * blocking. {@link HotVariantHandler} uses it on Undertow's IO thread, before any servlet dispatch; everything it
 * declines goes the normal servlet way. Installed once the application has started.
 */
@ApplicationScoped
public class HotPath {

    private static volatile HotPath current;

    @Inject
    VariantUrls urls;

    @Inject
    Variants variants;

    @Inject
    VariantMetrics metrics;

    void servedOnIoThread() {
        metrics.hotHitOnIoThread();
    }

    void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        current = this;
    }

    void uninstall(@Observes @jakarta.enterprise.context.BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        current = null;
    }

    static HotPath current() {
        return current;
    }

    /** A hot answer for {@code /i/<rest>} (preset) or {@code /v/<rest>} (signed), or empty. */
    Optional<Hit> find(String rest, boolean signed, String accept) {
        try {
            VariantRequest wanted = signed ? urls.signed(rest) : urls.preset(rest);
            boolean varies = OutputFormats.varies(wanted.extension());
            ImageFormat format = OutputFormats.resolve(wanted.extension(), accept, ImageFormat.JPEG, false);
            if (varies && format != ImageFormat.WEBP) {
                return Optional.empty();
            }
            VariantKey key = new VariantKey(wanted.image(), wanted.spec(), format);
            return variants.hot(key).map(bytes -> new Hit(bytes, "\"" + key.digest() + "\"", format.mediaType(), varies));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    record Hit(byte[] bytes, String etag, String mediaType, boolean variesOnAccept) {
    }
}
