package org.picbed.purge;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.error.PicbedException;
import org.picbed.web.AdminOnly;
import org.picbed.web.JsonBuilders;

/**
 * {@code GET /api/purges/<purge id>} (admin credentials): the purge, who asked, and which sites applied it; the same
 * as {@code GET /api/admin/purges/<purge id>} ({@link AdminPurgesResource}).
 */
@Path("purges/{id}")
@AdminOnly
public class PurgesResource {

    @Inject
    PurgeLog log;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return describe(log, id);
    }

    /** A purge and its acknowledgements, as both {@code /api/purges/<id>} and {@code /api/admin/purges/<id>} answer. */
    static Response describe(PurgeLog log, String id) {
        Purge purge = log.find(id).orElseThrow(() -> new PicbedException(404, "not_found", "no such purge"));
        JsonArrayBuilder sites = JsonBuilders.array();
        for (PurgeAck ack : log.acks(id)) {
            sites.add(JsonBuilders.object().add("site", ack.site()).add("applied_at", ack.appliedAt().toString())
                    .add("found", ack.found()).add("variants_removed", ack.variantsRemoved()).add("hot_evicted", ack.hotEvicted()));
        }
        var body = JsonBuilders.object().add("id", purge.id()).add("scope", purge.scope().toLowerCase())
                .add("requested_by", purge.requestedBy()).add("requested_at", purge.requestedAt().toString())
                .add("origin_site", purge.originSite()).add("applied", sites);
        if (purge.imageId() != null) {
            body.add("image", purge.imageId());
        }
        if (purge.spec() != null) {
            body.add("spec", purge.spec());
        }
        return Response.ok(body.build().toString()).header("Cache-Control", "no-store").build();
    }
}
