package org.picbed.health;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Await;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestDatabase;
import org.picbed.it.TestServer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployed EAR seen from outside, over HTTP: health, the landing page, errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void healthReportsEveryComponentUp() throws Exception {
        HttpResponse<String> response = awaitHealthy();
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject health = json(response.body());
        assertEquals("UP", health.getString("status"));
        JsonObject checks = health.getJsonObject("checks");
        for (String component : new String[] {"database", "storage", "jms", "cache", "integrity"}) {
            assertEquals("UP", checks.getString(component), component + " in " + response.body());
        }
        assertEquals(latestMigration(), health.getJsonObject("details").getJsonObject("database").getString("schemaVersion"));
        assertEquals(1, health.getJsonObject("details").getJsonObject("cache").getInt("members"));
    }

    @Test
    void databaseDownMeans503WithTheDatabaseMarkedDownThenRecovers() throws Exception {
        awaitHealthy();
        TestDatabase.stop();
        try {
            Await.until("health 503 with database DOWN", Duration.ofSeconds(30), () -> {
                HttpResponse<String> r = TestServer.get("/api/health");
                return r.statusCode() == 503
                        && "DOWN".equals(json(r.body()).getJsonObject("checks").getString("database"));
            });
            HttpResponse<String> down = TestServer.get("/api/health");
            JsonObject health = json(down.body());
            assertEquals("DOWN", health.getString("status"));
            assertEquals("UP", health.getJsonObject("checks").getString("storage"));
            assertEquals("UP", health.getJsonObject("checks").getString("jms"));
            assertEquals("UP", health.getJsonObject("checks").getString("cache"));
            assertTrue(down.headers().firstValue("Retry-After").isPresent(), "Retry-After on 503");
            assertFalse(down.body().contains("jdbc:"), "no connection details leak: " + down.body());
        } finally {
            TestDatabase.start();
        }
        awaitHealthy();
    }

    @Test
    void landingPageSaysWhatPicbedIs() throws Exception {
        HttpResponse<String> response = TestServer.get("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("picbed"));
        assertTrue(response.body().contains("/api/health") || response.body().contains("api/health"));
    }

    /** Micrometer's Prometheus text: HELP and TYPE for every metric, and latency histograms that move with traffic. */
    @Test
    void metricsHaveHelpTypeAndLatencyHistograms() throws Exception {
        String before = TestServer.get("/api/metrics").body();
        String id = ImageClient.upload("metrics.jpg", "image/jpeg", Corpus.uniqueJpeg());
        ImageClient.makeHot("/i/" + id + "/large.jpg");
        ImageClient.head("/i/" + id + "/large.jpg"); // a hot hit through the servlet (the hot paths answer GETs only)
        // and one over HTTP/1.1 (as proxies and CDNs fetch), which no servlet sees: on Payara HTTP/2 streams (and
        // h2c upgrades, which java.net.http tries first) go through the servlet
        assertEquals("HIT", ImageClient.header(ImageClient.getHttp11("/i/" + id + "/large.jpg"), "X-Cache"));
        String after = TestServer.get("/api/metrics").body();
        for (String name : List.of("picbed_upload_seconds", "picbed_variant_render_seconds", "picbed_variant_hit_seconds")) {
            assertTrue(after.contains("# TYPE " + name + " histogram"), name + " is a histogram:\n" + after);
            assertTrue(after.contains("# HELP " + name + " "), name + " has help");
            assertTrue(after.contains(name + "_bucket{"), name + " has buckets");
        }
        assertTrue(after.contains("# TYPE picbed_replication_apply_seconds histogram"), "replication apply latency");
        assertTrue(after.contains("# TYPE picbed_variant_renders_total counter"), "the existing counters keep their names");
        assertEquals(count(before, "picbed_upload_seconds_count") + 1, count(after, "picbed_upload_seconds_count"), "the upload counted");
        assertTrue(count(after, "picbed_variant_render_seconds_count") > count(before, "picbed_variant_render_seconds_count"));
        assertTrue(count(after, "picbed_variant_hit_seconds_count{path=\"servlet\"}")
                > count(before, "picbed_variant_hit_seconds_count{path=\"servlet\"}"), "the servlet hit timed");
        // without a query string a hit never reaches a servlet: Undertow's IO thread (WildFly), Grizzly's filter (Payara)
        assertTrue(count(after, "picbed_variant_hit_seconds_count{path=\"io_thread\"}")
                > count(before, "picbed_variant_hit_seconds_count{path=\"io_thread\"}"), "a hit answered before the servlet container: "
                + after.lines().filter(l -> l.contains("hit_seconds_count")).toList() + " before: "
                + before.lines().filter(l -> l.contains("hit_seconds_count")).toList());
        assertTrue(count(after, "picbed_hot_cache_bytes") > 0, "hot cache bytes");
    }

    private static long count(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToLong(l -> (long) Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void unknownApiPathIsAProblemJson404() throws Exception {
        HttpResponse<String> response = TestServer.get("/api/no-such-thing");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(response.body());
        assertEquals(404, problem.getInt("status"));
        assertEquals("not_found", problem.getString("code"));
    }

    private static String latestMigration() throws Exception {
        try (var connection = TestDatabase.connect();
             var row = connection.createStatement().executeQuery(
                     "select version from flyway_schema_history where success order by installed_rank desc limit 1")) {
            assertTrue(row.next());
            return row.getString(1);
        }
    }

    private static HttpResponse<String> awaitHealthy() throws Exception {
        Await.until("health 200", Duration.ofSeconds(60), () -> TestServer.get("/api/health").statusCode() == 200);
        return TestServer.get("/api/health");
    }

    private static JsonObject json(String body) {
        return TestServer.json(body);
    }
}
