package org.picbed.purge;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestServer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/admin/purges}: the purge operation over HTTP, with the JMX operation's effects and audit. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPurgeApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void anHttpPurgeHasTheJmxPurgesEffectsAndIsAuditedWithTheAdmin() throws Exception {
        String id = ImageClient.upload("http-purge.jpg", "image/jpeg", Corpus.photo(640, 480));
        String small = "/i/" + id + "/small.jpg";
        String thumb = "/i/" + id + "/thumb.jpg";
        ImageClient.makeHot(small);
        ImageClient.makeHot(thumb);

        HttpResponse<String> variant = purge(TestServer.adminAuthorization(), "{\"image\": \"" + id + "\", \"spec\": \"small\"}");
        assertEquals(202, variant.statusCode(), variant.body());
        assertEquals("RENDERED", ImageClient.header(ImageClient.get(small), "X-Cache"), "the purged preset is rendered again");
        assertEquals("HIT", ImageClient.header(ImageClient.get(thumb), "X-Cache"), "another preset stays hot");

        HttpResponse<String> image = purge(TestServer.adminAuthorization(), "{\"image\": \"" + id + "\"}");
        assertEquals(202, image.statusCode(), image.body());
        JsonObject answer = TestServer.json(image.body());
        String purgeId = answer.getString("id");
        assertEquals("image", answer.getString("scope"));
        assertTrue(image.headers().firstValue("Location").orElse("").endsWith("/api/admin/purges/" + purgeId), image.headers().map().toString());
        assertEquals("RENDERED", ImageClient.header(ImageClient.get(thumb), "X-Cache"), "neither hot nor stored any more");
        assertEquals("RENDERED", ImageClient.header(ImageClient.get(small), "X-Cache"), "every preset of the image");
        assertEquals(200, ImageClient.get("/i/" + id).statusCode(), "the original is not touched");

        JsonObject status = TestServer.json(admin("/api/admin/purges/" + purgeId).body());
        assertEquals("http:" + TestServer.adminUser(), status.getString("requested_by"), "audited with who asked");
        assertEquals(id, status.getString("image"));
        JsonObject applied = status.getJsonArray("applied").getJsonObject(0);
        assertEquals("local", applied.getString("site"));
        assertTrue(applied.getBoolean("found"));
        assertTrue(applied.getInt("hot_evicted") >= 1, "thumb (and small, hot again after one render) " + status);
        assertEquals(status, TestServer.json(admin("/api/purges/" + purgeId).body()), "the older address answers the same");
    }

    @Test
    void badRequestsAndWrongCredentialsChangeNothing() throws Exception {
        String id = ImageClient.upload("http-purge-refused.jpg", "image/jpeg", Corpus.photo(320, 240));
        String thumb = "/i/" + id + "/thumb.jpg";
        ImageClient.makeHot(thumb);

        String wrong = "Basic " + Base64.getEncoder().encodeToString((TestServer.adminUser() + ":nope").getBytes(StandardCharsets.UTF_8));
        assertEquals(401, purge(wrong, "{\"image\": \"" + id + "\"}").statusCode());
        assertEquals(401, TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/purges"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"all\": true}")),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "no credentials");
        for (String body : new String[] {"{}", "{\"image\": 5}", "{\"all\": true, \"image\": \"" + id + "\"}", "{\"image\": \"" + id + "\", \"spec\": \"\"}"}) {
            HttpResponse<String> refused = purge(TestServer.adminAuthorization(), body);
            assertEquals(400, refused.statusCode(), body);
            assertEquals("invalid_purge", TestServer.json(refused.body()).getString("code"), body);
        }
        assertEquals("invalid_id", TestServer.json(purge(TestServer.adminAuthorization(), "{\"image\": \"not-an-id\"}").body()).getString("code"));
        assertEquals(400, purge(TestServer.adminAuthorization(), "{\"image\": \"" + id + "\", \"spec\": \"rs:nope\"}").statusCode(),
                "a spec that is no preset and no options");
        assertEquals("HIT", ImageClient.header(ImageClient.get(thumb), "X-Cache"), "nothing was purged");
    }

    private static HttpResponse<String> purge(String authorization, String body) throws Exception {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/purges")).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(TestServer.uri(path))
                .header("Authorization", TestServer.adminAuthorization()), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }
}
