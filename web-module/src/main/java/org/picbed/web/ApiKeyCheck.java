package org.picbed.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.picbed.auth.ApiKeys;

/** Authenticates {@link ApiKeyRequired} resources (see {@link Authentication}). */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyCheck implements ContainerRequestFilter {

    @Inject
    ApiKeys apiKeys;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(Authentication.CALLER, apiKeys.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
    }
}
