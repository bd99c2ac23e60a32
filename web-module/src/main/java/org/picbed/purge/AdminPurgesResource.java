package org.picbed.purge;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.auth.Admins;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageId;
import org.picbed.web.AdminOnly;
import org.picbed.web.JsonBuilders;

import java.net.URI;

/**
 * The purge operation over HTTP, for scripts in any language (admin credentials, HTTP Basic):
 * {@code POST /api/admin/purges} with {@code {"image": "<id>"}}, {@code {"image": "<id>", "spec": "<preset or
 * options>"}} or {@code {"all": true}} is the JMX operation's twin (same effects at this site, same audit row,
 * same messages to the peers, recorded as {@code http:<admin user>}); 202 with the purge's id, whose
 * {@code GET /api/admin/purges/<id>} shows each site's acknowledgement as it arrives.
 */
@Path("admin/purges")
@AdminOnly
public class AdminPurgesResource {

    @Inject
    PurgeControl control;

    @Inject
    PurgeLog log;

    @Inject
    Admins admins;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(JsonObject body) {
        PurgeRequest request = parse(body);
        String id = control.request(request, "http:" + admins.user());
        var answer = JsonBuilders.object().add("id", id).add("scope", request.scope().name().toLowerCase())
                .add("status", "/api/admin/purges/" + id);
        request.image().ifPresent(i -> answer.add("image", i.hex()));
        request.spec().ifPresent(s -> answer.add("spec", s));
        return Response.accepted(answer.build().toString()).location(URI.create("admin/purges/" + id))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return PurgesResource.describe(log, id);
    }

    static PurgeRequest parse(JsonObject body) {
        if (body == null) {
            throw invalid();
        }
        if (body.get("all") == JsonValue.TRUE) {
            if (body.containsKey("image") || body.containsKey("spec")) {
                throw invalid();
            }
            return PurgeRequest.all();
        }
        if (!(body.get("image") instanceof JsonString image)) {
            throw invalid();
        }
        ImageId id = ImageId.parse(image.getString().strip())
                .orElseThrow(() -> new PicbedException(400, "invalid_id", "an image id is 64 lowercase hex characters"));
        if (body.get("spec") == null || body.get("spec") == JsonValue.NULL) {
            return PurgeRequest.image(id);
        }
        if (!(body.get("spec") instanceof JsonString spec) || spec.getString().isBlank()) {
            throw invalid();
        }
        return PurgeRequest.variant(id, spec.getString().strip());
    }

    private static PicbedException invalid() {
        return new PicbedException(400, "invalid_purge",
                "send {\"image\": \"<id>\"}, {\"image\": \"<id>\", \"spec\": \"<preset or options>\"} or {\"all\": true}");
    }
}
