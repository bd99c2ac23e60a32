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

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The dashboard's own calls: the admin session works for reads; a change needs the page's CSRF token. */
    @Test
    void aSessionPostWithoutTheCsrfTokenChangesNothing() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(TestServer.uri("/shop/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher loginToken = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(login.body());
        assertTrue(loginToken.find(), login.body());
        String form = "username=" + enc(TestServer.adminUser()) + "&password=" + enc(TestServer.adminPassword()) + "&_csrf=" + loginToken.group(1);
        assertEquals(303, browser.send(HttpRequest.newBuilder(TestServer.uri("/shop/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> dashboard = browser.send(HttpRequest.newBuilder(TestServer.uri("/admin/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, dashboard.statusCode());
        Matcher token = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]+)\"").matcher(dashboard.body());
        assertTrue(token.find(), dashboard.body());
        assertEquals(200, browser.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/overview")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the session reads");

        String id = ImageClient.upload("csrf-purge.jpg", "image/jpeg", Corpus.photo(320, 240));
        String small = "/i/" + id + "/small.jpg";
        ImageClient.makeHot(small);
        String body = "{\"image\": \"" + id + "\"}";
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/purges"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals("csrf", TestServer.json(forged.body()).getString("code"));
        assertEquals("HIT", ImageClient.header(ImageClient.get(small), "X-Cache"), "nothing was purged");

        HttpResponse<String> asThePage = browser.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/purges"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", token.group(1))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, asThePage.statusCode(), asThePage.body());
        String purgeId = TestServer.json(asThePage.body()).getString("id");
        assertEquals("http:" + TestServer.adminUser(), TestServer.json(admin("/api/admin/purges/" + purgeId).body())
                .getString("requested_by"), "the session's admin is audited");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
