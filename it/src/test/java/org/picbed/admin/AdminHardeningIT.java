package org.picbed.admin;

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

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin surfaces' hardening against the real server: strict headers on every page and no X-Powered-By
 * anywhere, a login form that needs its CSRF token, and the login throttle (the ITs run it with
 * PICBED_LOGIN_LOCK_AFTER=5 and PICBED_LOGIN_LOCK_SECONDS=4, so a lock is short enough to wait out).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminHardeningIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void everyPageHasStrictHeadersAndNothingSaysWhatPoweredIt() throws Exception {
        HttpClient admin = loggedIn();
        String id0 = ImageClient.upload("console-headers.jpg", "image/jpeg", Corpus.photo(320, 240));
        for (String page : List.of("/", "/shop/", "/shop/login", "/upload", "/admin/", "/admin/images", "/admin/images/" + id0,
                "/shop/admin/")) {
            HttpResponse<String> r = page.contains("admin/") ? admin.send(HttpRequest.newBuilder(TestServer.uri(page)).build(),
                    HttpResponse.BodyHandlers.ofString()) : TestServer.get(page);
            assertEquals(200, r.statusCode(), page);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), page + ": " + csp);
            Matcher scripts = Pattern.compile("script-src ([^;]*)").matcher(csp);
            assertTrue(scripts.find() && !scripts.group(1).contains("unsafe-inline"), page + ": scripts only from files: " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), page);
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), page);
            assertFalse(r.headers().firstValue("X-Powered-By").isPresent(), page + ": " + r.headers().map());
            assertFalse(r.headers().firstValue("Server").isPresent(), page + ": no Server header: " + r.headers().map());
        }
        String id = ImageClient.upload("headers.jpg", "image/jpeg", Corpus.photo(320, 240));
        ImageClient.makeHot("/i/" + id + "/thumb.jpg");
        for (String path : List.of("/i/" + id, "/i/" + id + "/thumb.jpg", "/api/images/" + id, "/api/images/nope", "/no-such-page")) {
            HttpResponse<String> r = TestServer.get(path);
            assertFalse(r.headers().firstValue("X-Powered-By").isPresent(), path + ": " + r.headers().map());
            assertFalse(r.headers().firstValue("Server").isPresent(), path + ": no Server header: " + r.headers().map());
        }
        // a hot hit answered before the servlet container (HTTP/1.1) names no server either
        HttpResponse<byte[]> hot = ImageClient.getHttp11("/i/" + id + "/thumb.jpg");
        assertEquals("HIT", ImageClient.header(hot, "X-Cache"));
        assertFalse(hot.headers().firstValue("Server").isPresent(), "hot hit: " + hot.headers().map());
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String form = "username=" + enc(TestServer.adminUser()) + "&password=" + enc(TestServer.adminPassword());
        HttpResponse<String> forged = browser.send(loginPost(form), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), "right credentials, no token: " + forged.body());
        assertTrue(forged.body().contains("expired"), forged.body());

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(TestServer.uri("/shop/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        HttpResponse<String> wrongToken = browser.send(loginPost(form + "&_csrf=" + "0".repeat(token.group(1).length())),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrongToken.statusCode());
        HttpResponse<String> loggedIn = browser.send(loginPost(form + "&_csrf=" + token.group(1)), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, loggedIn.statusCode(), loggedIn.body());
        assertTrue(loggedIn.headers().firstValue("Location").orElse("").endsWith("/shop/admin/"), loggedIn.headers().map().toString());
    }

    @Test
    void repeatedWrongPasswordsAreSlowedThenLockedForAWhile() throws Exception {
        String wrong = basic(TestServer.adminUser(), "not-the-password");
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, sites(wrong).statusCode(), "failure " + i + " costs nothing");
        }
        HttpResponse<String> slowed = sites(wrong);
        assertEquals(429, slowed.statusCode(), slowed.body());
        assertEquals("too_many_attempts", TestServer.json(slowed.body()).getString("code"));
        assertEquals(1, retryAfter(slowed));

        waitOut(slowed);
        assertEquals(401, sites(wrong).statusCode(), "failure 4, after the delay");
        HttpResponse<String> slowedMore = sites(TestServer.adminAuthorization());
        assertEquals(429, slowedMore.statusCode(), "even the right password waits");
        assertEquals(2, retryAfter(slowedMore), "the delay doubles");

        waitOut(slowedMore);
        assertEquals(401, sites(wrong).statusCode(), "failure 5 locks");
        HttpResponse<String> locked = sites(TestServer.adminAuthorization());
        assertEquals(429, locked.statusCode());
        assertTrue(retryAfter(locked) >= 3, "locked for PICBED_LOGIN_LOCK_SECONDS: " + retryAfter(locked));

        waitOut(locked);
        assertEquals(200, sites(TestServer.adminAuthorization()).statusCode(), "the lock expires: the operator is back");
        assertEquals(401, sites(wrong).statusCode(), "and a success started the count again");
        assertEquals(200, sites(TestServer.adminAuthorization()).statusCode());
    }

    private static HttpResponse<String> sites(String authorization) throws Exception {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/sites")).header("Authorization", authorization),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client with the operator's session (the console's pages need it). */
    private static HttpClient loggedIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(TestServer.uri("/shop/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        String form = "username=" + enc(TestServer.adminUser()) + "&password=" + enc(TestServer.adminPassword()) + "&_csrf=" + token.group(1);
        assertEquals(303, browser.send(loginPost(form), HttpResponse.BodyHandlers.ofString()).statusCode());
        return browser;
    }

    private static HttpRequest loginPost(String form) {
        return HttpRequest.newBuilder(TestServer.uri("/shop/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static long retryAfter(HttpResponse<?> r) {
        return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    }

    /** Waits as long as the server said (and a little more: it counts from its own clock). */
    private static void waitOut(HttpResponse<?> refused) throws InterruptedException {
        Thread.sleep(retryAfter(refused) * 1000 + 300);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
