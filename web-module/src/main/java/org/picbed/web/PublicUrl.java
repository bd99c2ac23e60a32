package org.picbed.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.picbed.config.Settings;

import java.util.Optional;

/** Where images are reached from outside: {@code PICBED_PUBLIC_URL} (an image domain or CDN), else this server. */
@ApplicationScoped
public class PublicUrl {

    private Optional<String> configured = Optional.empty();

    @Inject
    void configure(Settings settings) {
        configured = settings.get("public-url").map(u -> u.replaceAll("/+$", "")).filter(u -> !u.isEmpty());
    }

    /** {@code PICBED_PUBLIC_URL} without a trailing slash, if set. */
    public Optional<String> configured() {
        return configured;
    }

    /** The public URL, else the scheme, host, port and context path this request came in on. */
    public String base(HttpServletRequest request) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
