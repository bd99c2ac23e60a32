package org.picbed.client.url;

import java.util.Set;

/** The extensions a variant URL may end in; {@code auto} lets picbed pick the format from the browser's Accept. */
public final class VariantExtensions {

    /** Lowercase. */
    public static final Set<String> ALL = Set.of("jpg", "jpeg", "png", "gif", "webp", "avif", "auto");

    private VariantExtensions() {
    }

    public static boolean isExtension(String ext) {
        return ext != null && ALL.contains(ext);
    }
}
