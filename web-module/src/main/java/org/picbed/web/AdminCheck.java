package org.picbed.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.picbed.auth.Admins;
import org.picbed.error.PicbedException;

import java.util.Set;

/**
 * Authenticates {@link AdminOnly} resources (see {@link Authentication}): the operator's HTTP Basic credentials, or
 * the operator's form-login session ({@link AdminSession}) from a page; a session-authenticated request that changes
 * anything (not GET/HEAD/OPTIONS) must also carry the session's CSRF token in {@value AdminSession#CSRF_HEADER}
 * (403 {@code csrf} otherwise), so another site cannot ride on the operator's cookie.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminCheck implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Admins admins;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (AdminSession.loggedIn(servletRequest)) {
            if (!SAFE.contains(request.getMethod())
                    && !AdminSession.csrfMatches(servletRequest, request.getHeaderString(AdminSession.CSRF_HEADER))) {
                throw new PicbedException(403, "csrf", "send the page's CSRF token in " + AdminSession.CSRF_HEADER);
            }
            return;
        }
        admins.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), servletRequest.getRemoteAddr());
    }
}
