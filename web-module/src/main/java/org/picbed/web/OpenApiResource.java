package org.picbed.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of picbed's HTTP API, a document kept next to this
 * class ({@code openapi.json}). {@code OpenApiDocumentTest} fails the build when an {@code /api} endpoint is missing
 * from it; {@code OpenApiIT} calls every operation it lists and validates the answers against its schemas.
 */
@Path("openapi.json")
public class OpenApiResource {

    static final String DOCUMENT = "openapi.json";

    private static final byte[] BYTES = load();

    @GET
    public Response get() {
        return Response.ok(BYTES, "application/json").header("Cache-Control", "no-cache").build();
    }

    private static byte[] load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the WAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
