package org.picbed.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import org.picbed.auth.ApiKeys;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;

import java.io.IOException;

/**
 * The one place requests are authenticated. The upload servlets ({@code /api/images}, {@code /api/groups}) pass
 * through {@link ApiKeys} here as a servlet filter; JAX-RS resources say {@link ApiKeyRequired} or
 * {@link AdminOnly} and pass through {@link ApiKeyCheck} or {@link AdminCheck}. Either way a refusal is a 401
 * problem+json before the request reaches domain code, and the caller is a request attribute.
 */
@WebFilter(urlPatterns = {"/api/images", "/api/groups", "/api/groups/*"})
public class Authentication extends HttpFilter {

    static final String CALLER = Uploader.class.getName();

    @Inject
    ApiKeys apiKeys;

    /** Who the API key named (set by the filters; anonymous where anonymous uploads are allowed). */
    public static Uploader caller(HttpServletRequest request) {
        Object caller = request.getAttribute(CALLER);
        if (!(caller instanceof Uploader uploader)) {
            throw new IllegalStateException("no authenticated caller: the request did not pass Authentication");
        }
        return uploader;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            request.setAttribute(CALLER, apiKeys.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION)));
        } catch (PicbedException e) {
            Problems.write(response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
