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

/**
 * Authenticates {@link AdminOnly} resources (see {@link Authentication}): the admin's form-login session (the
 * dashboard's scripts; a state-changing request must carry the session's {@link CsrfTokens#HEADER}), or HTTP Basic
 * (scripts), which passes the login throttle.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminCheck implements ContainerRequestFilter {

    /** The operator's role after the form login (web.xml protects /admin/* and /shop/admin/* with it). */
    public static final String ROLE = "shop-admin";

    @Inject
    Admins admins;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && servletRequest.isUserInRole(ROLE)) {
            boolean safe = switch (request.getMethod()) {
                case "GET", "HEAD", "OPTIONS" -> true;
                default -> false;
            };
            if (!safe && !CsrfTokens.matches(servletRequest, request.getHeaderString(CsrfTokens.HEADER))) {
                throw new PicbedException(403, "csrf", "send the page's CSRF token as " + CsrfTokens.HEADER + "; reload the page");
            }
            return;
        }
        admins.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), servletRequest.getRemoteAddr());
    }
}
