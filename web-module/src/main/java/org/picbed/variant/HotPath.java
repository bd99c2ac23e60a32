package org.picbed.variant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.picbed.image.ImageFormat;
import org.picbed.variant.serve.VariantMetrics;
import org.picbed.variant.serve.Variants;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.spec.VariantKey;
import org.picbed.web.Immutable;
import org.picbed.variant.url.VariantRequest;

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
    VariantResponder entry;

    @Inject
    Variants variants;

    @Inject
    VariantMetrics metrics;

    void servedOnIoThread(Hit hit, long nanos) {
        if (hit.notModified()) {
            metrics.revalidatedOnIoThread();
        } else {
            metrics.hotHitOnIoThread(nanos);
        }
    }

    void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // make the beans a hit uses now, on a deployment thread: on Payara the hot path runs in Grizzly, outside
        // any EE invocation, and a bean first made there is left without its injected fields
        try {
            entry.parse("warm-up", false);
        } catch (RuntimeException expected) {
            // not a variant URL: only the beans' creation was wanted
        }
        variants.hot("warm-up");
        current = this;
    }

    void uninstall(@Observes @jakarta.enterprise.context.BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        current = null;
    }

    static HotPath current() {
        return current;
    }

    /**
     * A hot answer for {@code /i/<rest>} (preset) or {@code /v/<rest>} (signed), or empty. A revalidation whose
     * {@code If-None-Match} names the URL's variant is answered (304, {@link Hit#notModified()}) whether or not
     * the bytes are hot: a variant URL's ETag follows from the URL, as the servlet has it too.
     */
    Optional<Hit> find(String rest, boolean signed, String accept, String ifNoneMatch) {
        boolean auto = rest.endsWith(".auto");
        ImageFormat modern = auto ? OutputFormats.modern(accept, variants.writesAvif()) : null;
        if (auto && modern == null) {
            return Optional.empty();
        }
        // an auto URL names one variant per modern format the client may be given
        String uriKey = (signed ? "v/" : "i/") + rest + (modern == ImageFormat.AVIF ? "#avif" : "");
        Resolved resolved = resolvedUrls.getIfPresent(uriKey);
        if (resolved == null) {
            resolved = resolve(rest, signed, modern);
            if (resolved == null) {
                return Optional.empty();
            }
            resolvedUrls.put(uriKey, resolved);
        }
        Resolved r = resolved;
        if (r.expires() > 0 && r.expires() < System.currentTimeMillis() / 1000) {
            return Optional.empty(); // the servlet answers an expired URL
        }
        if (ifNoneMatch != null && Immutable.matches(ifNoneMatch, r.etag())) {
            return Optional.of(new Hit(null, r.etag(), r.mediaType(), r.varies()));
        }
        return variants.hot(r.cacheKey()).map(bytes -> new Hit(bytes, r.etag(), r.mediaType(), r.varies()));
    }

    /** Parses and (for /v/) verifies a URL once; null when it is not a valid variant URL. */
    private Resolved resolve(String rest, boolean signed, ImageFormat modern) {
        try {
            VariantRequest wanted = entry.parse(rest, signed);
            if (wanted.remoteSource() != null || wanted.raw() || wanted.filename() != null || wanted.attachment()) {
                return null; // answers with more than the variant's bytes
            }
            boolean varies = OutputFormats.varies(wanted.extension());
            ImageFormat format = varies ? modern : OutputFormats.resolve(wanted.extension(), null, null, false, false);
            if (format == null) {
                return null;
            }
            VariantKey key = new VariantKey(wanted.image(), wanted.spec(), format);
            return new Resolved(key.key(), key.etag(), format.mediaType(), varies, wanted.expires());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * URLs already parsed and verified, so a hot hit costs two map lookups. Only valid URLs enter (a flood of
     * bad ones cannot fill it); a URL always names the same variant, so entries never go stale; the least
     * used go when the bound is reached.
     */
    private static final int MAX_RESOLVED = 50_000;
    private final Cache<String, Resolved> resolvedUrls = Caffeine.newBuilder().maximumSize(MAX_RESOLVED).build();

    private record Resolved(String cacheKey, String etag, String mediaType, boolean varies, long expires) {
    }

    /** A hot variant's bytes, or (bytes null) a confirmation that the client's copy is current. */
    record Hit(byte[] bytes, String etag, String mediaType, boolean variesOnAccept) {

        boolean notModified() {
            return bytes == null;
        }
    }
}
