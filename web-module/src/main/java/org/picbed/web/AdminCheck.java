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

/** Authenticates {@link AdminOnly} resources (see {@link Authentication}). */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminCheck implements ContainerRequestFilter {

    @Inject
    Admins admins;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        admins.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), servletRequest.getRemoteAddr());
    }
}
