package org.picbed.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: the only shape an error takes on the wire. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    static final String TYPE_BASE = "https://picbed.org/problems/";

    private Problems() {
    }

    public static Response.ResponseBuilder problem(int status, String code, String detail, String requestId) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + code.replace('_', '-'))
                .add("title", Response.Status.fromStatusCode(status) != null
                        ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error")
                .add("status", status)
                .add("code", code)
                .add("detail", detail);
        if (requestId != null) {
            body.add("requestId", requestId);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString());
    }
}
