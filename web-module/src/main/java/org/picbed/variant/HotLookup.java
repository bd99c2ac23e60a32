package org.picbed.variant;

import java.util.Optional;

/**
 * What the hot paths in front of the servlet container share (Undertow's {@link HotVariantHandler} on WildFly,
 * {@link GrizzlyHotFilter} on Payara): which request URIs can be hot ({@code /i/<id>/<preset>.<ext>},
 * {@code /v/...} below the context path) and the lookup, made as the deployment (the cache encodes keys per class
 * loader, and the server's thread has its own).
 */
final class HotLookup {

    private final String presetPrefix;
    private final String signedPrefix;
    private final ClassLoader deploymentLoader;

    HotLookup(String contextPath, ClassLoader deploymentLoader) {
        String base = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
        this.presetPrefix = base + "/i/";
        this.signedPrefix = base + "/v/";
        this.deploymentLoader = deploymentLoader;
    }

    /**
     * The hot answer for a GET of this raw URI (its path: a query string, such as a page's cache buster, names
     * no other variant), or empty: a miss, or not a variant URL.
     */
    Optional<HotPath.Hit> find(HotPath hotPath, String uri, String accept, String ifNoneMatch) {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(deploymentLoader);
        try {
            if (uri.startsWith(signedPrefix)) {
                return hotPath.find(uri.substring(signedPrefix.length()), true, accept, ifNoneMatch);
            }
            if (uri.startsWith(presetPrefix) && uri.indexOf('/', presetPrefix.length()) > 0) {
                return hotPath.find(uri.substring(presetPrefix.length()), false, accept, ifNoneMatch);
            }
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(own);
        }
    }
}
