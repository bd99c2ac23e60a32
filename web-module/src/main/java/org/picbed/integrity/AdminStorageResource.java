package org.picbed.integrity;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.storage.StorageSettings;
import org.picbed.web.AdminOnly;
import org.picbed.web.JsonBuilders;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code GET /api/admin/storage} (admin credentials): the storage backend, the scrubber's progress and last pass,
 * and the corrupt blobs found (where, when, repaired or not). {@code POST /api/admin/storage/scrub[?seconds=N]} starts
 * a pass now (or goes on with the running one) for up to N seconds (60; at most 600) and answers the same document.
 */
@Path("admin/storage")
@AdminOnly
public class AdminStorageResource {

    static final Duration SCRUB_NOW_BUDGET = Duration.ofMinutes(1);
    static final int MAX_SECONDS = 600;

    @Inject
    StorageSettings settings;

    @Inject
    Scrubber scrubber;

    @Inject
    Corruptions corruptions;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Response.ok(document(null).toString()).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("scrub")
    @Produces(MediaType.APPLICATION_JSON)
    public Response scrub(@QueryParam("seconds") Integer seconds) {
        Duration budget = seconds == null ? SCRUB_NOW_BUDGET : Duration.ofSeconds(Math.max(1, Math.min(seconds, MAX_SECONDS)));
        boolean ran = scrubber.scrubNow(budget);
        return Response.ok(document(ran).toString()).header("Cache-Control", "no-store").build();
    }

    private jakarta.json.JsonObject document(Boolean ran) {
        Scrubber.State s = scrubber.state();
        JsonArrayBuilder found = JsonBuilders.array();
        for (Corruptions.Found f : corruptions.recent()) {
            found.add(JsonBuilders.object().add("id", f.id().hex()).add("where", f.where()).add("at", f.at().toString())
                    .add("repaired", f.repaired()));
        }
        JsonObjectBuilder scrub = JsonBuilders.object()
                .add("period_hours", settings.scrubPeriod().toHours())
                .add("max_mb_per_second", settings.scrubBytesPerSecond() >> 20)
                .add("running_pass", s.passStarted() != null)
                .add("pass_started", text(s.passStarted()))
                .add("pass_blobs", s.blobs())
                .add("pass_bytes", s.bytes())
                .add("pass_missing", s.missing())
                .add("last_pass_completed", text(s.lastPassCompleted()))
                .add("last_pass_blobs", s.lastPassBlobs())
                .add("last_pass_seconds", s.lastPassTook() == null ? 0 : s.lastPassTook().toMillis() / 1000.0);
        JsonObjectBuilder doc = JsonBuilders.object()
                .add("backend", settings.backend().name().toLowerCase(Locale.ROOT))
                .add("scrub", scrub)
                .add("corruptions", JsonBuilders.object().add("detected", corruptions.detected())
                        .add("repaired", corruptions.repaired()).add("unrepaired", corruptions.unrepaired()).add("recent", found));
        if (ran != null) {
            doc.add("scrub_started", ran);
        }
        return doc.build();
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
