package org.picbed.web;


import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.error.PicbedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem details: the only shape an error takes on the wire, for JAX-RS and servlets alike. */
public final class Problems {

    public static final String PROBLEM_JSON_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(PROBLEM_JSON_TYPE);
    static final String TYPE_BASE = "https://picbed.org/problems/";
    public static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    public static JsonObjectBuilder body(int status, String code, String detail, String requestId) {
        Response.Status known = Response.Status.fromStatusCode(status);
        JsonObjectBuilder body = JsonBuilders.object()
                .add("type", TYPE_BASE + code.replace('_', '-'))
                .add("title", known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error")
                .add("status", status)
                .add("code", code)
                .add("detail", detail);
        if (requestId != null) {
            body.add("requestId", requestId);
        }
        return body;
    }

    public static JsonObjectBuilder body(PicbedException e) {
        return body(e.status(), e.code(), e.publicMessage(), requestId(e));
    }

    /**
     * A server-side failure is logged once, here, with the request id its answer carries; client mistakes (4xx) and
     * load shedding (503, with Retry-After) are answers, not errors, and stay out of the log.
     */
    static String requestId(PicbedException e) {
        return e.status() >= 500 && e.status() != 503 ? logged(e) : null;
    }

    public static Response.ResponseBuilder problem(int status, String code, String detail, String requestId) {
        Response.ResponseBuilder response = Response.status(status).type(PROBLEM_JSON)
                .entity(body(status, code, detail, requestId).build().toString());
        if (status == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response;
    }

    /** Writes a problem (or any JSON body with an error status) from a servlet. */
    public static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        writeJson(response, status, body.toString());
    }

    /** Writes a JSON answer from a servlet: problem+json for error statuses, never cached. JSON is UTF-8. */
    public static void writeJson(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(status >= 400 ? PROBLEM_JSON_TYPE : "application/json");
        response.setHeader("Cache-Control", "no-store");
        if (status == 503) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        write(response, status, body(status, code, detail, null).build());
    }

    /** A 500: the client gets a request id, the log gets the full failure under that id (once). */
    public static void writeInternalError(HttpServletResponse response, Throwable failure) throws IOException {
        if (databaseUnreachable(failure)) {
            write(response, unavailable(failure));
            return;
        }
        write(response, 500, body(500, INTERNAL_ERROR, INTERNAL_DETAIL, logged(failure)).build());
    }

    /**
     * Whether a failure is the database being unreachable (no connection could be had or it broke): then the
     * request may succeed later, so the answer is 503 {@code unavailable} with Retry-After, not a 500.
     */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || (t.getClass().getName().equals("jakarta.resource.ResourceException")
                        && String.valueOf(t.getMessage()).contains("Unable to get managed connection"))) {
                return true;
            }
        }
        return false;
    }

    /** The 503 for an unreachable database (logged once, without the stack: health says what is down). */
    static PicbedException unavailable(Throwable failure) {
        LOG.warning(() -> "the database is unreachable: " + failure);
        return new PicbedException(503, "unavailable", "picbed cannot reach its database right now; retry later");
    }

    static final String INTERNAL_ERROR = "internal_error";
    static final String INTERNAL_DETAIL = "The server could not complete the request.";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Problems.class.getName());

    /** Logs a server-side failure with a fresh request id and returns the id. */
    static String logged(Throwable failure) {
        String requestId = java.util.UUID.randomUUID().toString();
        LOG.log(java.util.logging.Level.SEVERE, "request " + requestId + " failed", failure);
        return requestId;
    }

    public static void write(HttpServletResponse response, PicbedException e) throws IOException {
        e.retryAfterSeconds().ifPresent(s -> response.setHeader("Retry-After", String.valueOf(s)));
        write(response, e.status(), body(e).build());
    }
}
