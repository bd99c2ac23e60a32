package org.picbed.web;

import java.util.function.BiConsumer;

/**
 * Caching of content-addressed answers (originals and variants): their URL names bytes that never change, so
 * they are cacheable forever and revalidated by a strong ETag.
 */
public final class Immutable {

    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private Immutable() {
    }

    /**
     * The headers of every content-addressed answer (original, variant, hot-path hit), through whatever sets a
     * header: {@code response::setHeader} for servlets, the IO thread's header map on the hot path.
     */
    public static void headers(BiConsumer<String, String> header, String etag, String mediaType) {
        header.accept("ETag", etag);
        header.accept("Cache-Control", CACHE_CONTROL);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Content-Type", mediaType);
    }

    /** Whether an {@code If-None-Match} header names the strong ETag (or is {@code *}). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
