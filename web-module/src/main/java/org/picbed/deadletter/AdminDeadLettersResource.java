package org.picbed.deadletter;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.auth.Admins;
import org.picbed.error.PicbedException;
import org.picbed.web.AdminOnly;
import org.picbed.web.JsonBuilders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters over HTTP (admin credentials): {@code GET /api/admin/dlq} lists every work queue's dead letters
 * (message id, kind, subject such as the image id, reason, attempts, first failure, age);
 * {@code POST /api/admin/dlq/<queue>/redrive} moves all of them, or {@code {"ids": [...]}}, back to the queue;
 * {@code DELETE /api/admin/dlq/<queue>} (all, or {@code ?id=...} repeated) discards them. Every redrive and discard is
 * audited with the admin's name and the time ({@code GET /api/admin/dlq/actions}).
 */
@Path("admin/dlq")
@AdminOnly
public class AdminDeadLettersResource {

    static final int MAX_LISTED = 200;
    static final int MAX_MOVED = 1000;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MessageFailures failures;

    @Inject
    Admins admins;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("limit") Integer limit) {
        int n = limit == null ? 50 : Math.max(1, Math.min(MAX_LISTED, limit));
        Instant now = Instant.now();
        JsonArrayBuilder queues = JsonBuilders.array();
        for (String queue : deadLetters.queues()) {
            JsonArrayBuilder messages = JsonBuilders.array();
            deadLetters.list(queue, n).forEach(d -> messages.add(describe(d, now)));
            queues.add(JsonBuilders.object().add("queue", queue).add("dead_letter_queue", queue + ".dlq")
                    .add("count", deadLetters.count(queue)).add("messages", messages));
        }
        return json(JsonBuilders.object().add("queues", queues).build());
    }

    @POST
    @Path("{queue}/redrive")
    @Produces(MediaType.APPLICATION_JSON)
    public Response redrive(@PathParam("queue") String queue, String body) {
        List<String> moved = deadLetters.redrive(queue, ids(body), MAX_MOVED, actor());
        return json(JsonBuilders.object().add("queue", queue).add("redriven", moved.size()).add("ids", array(moved))
                .add("remaining", deadLetters.count(queue)).build());
    }

    @DELETE
    @Path("{queue}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response discard(@PathParam("queue") String queue, @QueryParam("id") List<String> ids) {
        List<String> dropped = deadLetters.discard(queue, ids == null ? List.of() : ids, MAX_MOVED, actor());
        return json(JsonBuilders.object().add("queue", queue).add("discarded", dropped.size()).add("ids", array(dropped))
                .add("remaining", deadLetters.count(queue)).build());
    }

    /** The same discard for HTML forms and clients that cannot send DELETE: {@code {"ids": [...]}} or nothing for all. */
    @POST
    @Path("{queue}/discard")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response discardPost(@PathParam("queue") String queue, String body) {
        return discard(queue, ids(body));
    }

    @GET
    @Path("actions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response actions() {
        JsonArrayBuilder actions = JsonBuilders.array();
        for (MessageFailure f : failures.recentActions(100)) {
            actions.add(JsonBuilders.object().add("message_id", f.messageId()).add("queue", f.queue())
                    .add("action", f.resolution()).add("by", f.resolvedBy()).add("at", f.resolvedAt().toString())
                    .add("kind", f.kind()).add("reason", f.reason()));
        }
        return json(JsonBuilders.object().add("actions", actions).build());
    }

    private String actor() {
        return "http:" + admins.user();
    }

    private static JsonObjectBuilder describe(DeadLetter d, Instant now) {
        JsonObjectBuilder o = JsonBuilders.object().add("message_id", d.messageId()).add("kind", d.kind())
                .add("reason", d.reason()).add("attempts", d.attempts())
                .add("sent_at", d.sentAt().toString())
                .add("age_seconds", Math.max(0, Duration.between(d.sentAt(), now).toSeconds()));
        if (d.subject() != null) {
            o.add("subject", d.subject());
            if (d.subject().matches("[0-9a-f]{64}")) {
                o.add("image", d.subject());
            }
        }
        if (d.firstFailure() != null) {
            o.add("first_failure", d.firstFailure().toString());
        }
        return o;
    }

    /** {@code {"ids": ["ID:...", ...]}}, or an empty body for all. */
    static List<String> ids(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonObject json;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw invalid();
        }
        JsonValue ids = json.get("ids");
        if (ids == null || ids == JsonValue.NULL) {
            return List.of();
        }
        if (ids.getValueType() != JsonValue.ValueType.ARRAY || json.getJsonArray("ids").isEmpty()) {
            throw invalid();
        }
        List<String> list = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("ids")) {
            if (!(v instanceof JsonString s) || !DeadLetter.validId(s.getString())) {
                throw invalid();
            }
            list.add(s.getString());
        }
        return list;
    }

    private static PicbedException invalid() {
        return new PicbedException(400, "invalid_request", "send nothing (all) or {\"ids\": [\"ID:<uuid>\", ...]} as GET /api/admin/dlq lists them");
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = JsonBuilders.array();
        values.forEach(a::add);
        return a;
    }

    private static Response json(JsonObject body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
