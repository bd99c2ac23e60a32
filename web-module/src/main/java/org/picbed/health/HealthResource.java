package org.picbed.health;

import jakarta.inject.Inject;
import org.picbed.web.JsonBuilders;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.cluster.NodeIdentity;


/**
 * {@code GET /api/health}: 200 when every component is UP, else 503 with Retry-After and the failing
 * component marked DOWN. Shape: {@code {"status":"UP","checks":{"database":"UP",...},"details":{...}}}.
 */
@Path("health")
public class HealthResource {

    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    HealthService health;

    @Inject
    NodeIdentity node;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        HealthReport report = health.report();
        JsonObjectBuilder checks = JsonBuilders.object();
        JsonObjectBuilder details = JsonBuilders.object();
        report.components().forEach((component, state) -> {
            checks.add(component, state.status().name());
            JsonObjectBuilder detail = JsonBuilders.object();
            if (state.reason() != null) {
                detail.add("reason", state.reason());
            }
            state.details().forEach((key, value) -> add(detail, key, value));
            details.add(component, detail);
        });
        String body = JsonBuilders.object()
                .add("status", report.status().name())
                .add("node", node.nodeName())
                .add("checks", checks)
                .add("details", details)
                .build().toString();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Response.ResponseBuilder response = Response.status(report.isUp() ? 200 : 503)
                .type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).entity(body);
        if (!report.isUp()) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private static void add(JsonObjectBuilder target, String key, Object value) {
        if (value instanceof Number n && (n instanceof Integer || n instanceof Long)) {
            target.add(key, n.longValue());
        } else if (value instanceof Boolean b) {
            target.add(key, b);
        } else {
            target.add(key, String.valueOf(value));
        }
    }

}
