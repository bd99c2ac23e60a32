package org.picbed.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.picbed.config.Settings;

import java.io.IOException;
import java.net.URI;

/**
 * Strict headers on everything the servlets answer (pages, API, images): a Content-Security-Policy with no inline
 * or foreign scripts and no framing by other sites, a referrer policy, nosniff, and no {@code X-Powered-By} (a JSP
 * page would add one; the servers' own are switched off in server-config). Images stay embeddable anywhere: only
 * documents are affected by these policies. Hot hits on the IO thread never reach a filter and need none.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders extends HttpFilter {

    private String contentSecurityPolicy;

    @Inject
    void configure(Settings settings) {
        // pages embed images from PICBED_PUBLIC_URL when it is set (a CDN or another host name)
        String images = settings.get("public-url").map(URI::create)
                .map(u -> " " + u.getScheme() + "://" + u.getRawAuthority()).orElse("");
        contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + images + "; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, new WithoutPoweredBy(response));
    }

    /** Drops {@code X-Powered-By}, whoever sets it below this filter. */
    private static final class WithoutPoweredBy extends HttpServletResponseWrapper {

        WithoutPoweredBy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"X-Powered-By".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"X-Powered-By".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
