package org.picbed.image;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.picbed.it.Await;
import org.picbed.it.Browser;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestDatabase;
import org.picbed.it.TestServer;
import org.picbed.client.Multipart;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upload tokens against the real server: issued with the API key, good for file uploads within their scope, and
 * every refusal a problem+json that leaves nothing stored; the upload page uploads with a token link or the
 * operator's session, never with an API key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadTokensIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void aTokenIssuedWithTheApiKeyUploadsAsThatKeyAndEchoesItsScope() throws Exception {
        HttpResponse<String> issued = issue("{\"max_files\": 2, \"formats\": [\"png\", \"jpeg\"]}");
        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject answer = TestServer.json(issued.body());
        String token = answer.getString("token");
        assertTrue(token.startsWith("pbt1.") && token.split("\\.").length == 3, token);
        assertFalse(token.contains(TestServer.apiKey()));
        Instant expires = Instant.parse(answer.getString("expires_at"));
        assertTrue(Math.abs(Duration.between(Instant.now().plusSeconds(900), expires).toSeconds()) < 60, "15 minutes: " + expires);
        JsonObject scope = answer.getJsonObject("scope");
        assertEquals(2, scope.getInt("max_files"));
        assertEquals(List.of("jpeg", "png"), strings(scope));
        assertFalse(scope.getBoolean("single_use"));
        assertTrue(scope.getJsonNumber("max_bytes").longValue() > 1_000_000, "the server's per-file limit: " + scope);

        byte[] bytes = Corpus.uniqueJpeg();
        HttpResponse<String> uploaded = upload(token, "token.jpg", "image/jpeg", bytes);
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        assertEquals(Corpus.sha256(bytes), TestServer.json(uploaded.body()).getJsonArray("images").getJsonObject(0).getString("id"));
        assertEquals(1, count("select files from upload_token_use where token_id = ?", tokenId(token)));
        assertEquals(1, count("select requests from upload_token_use where token_id = ?", tokenId(token)));
        assertEquals(fingerprintOfTheApiKey(), uploaderOf(Corpus.sha256(bytes)), "recorded as the issuing key's uploader");

        JsonObject defaults = TestServer.json(issue("").body()).getJsonObject("scope");
        assertEquals(20, defaults.getInt("max_files"));
        assertEquals(List.of("jpeg", "png", "gif", "webp", "bmp", "ico", "heic", "avif"), strings(defaults));
        assertEquals(scope.getJsonNumber("max_bytes"), defaults.getJsonNumber("max_bytes"));
        assertFalse(defaults.getBoolean("single_use"));
    }

    @Test
    void badTokenRequestsAre400AndOnlyAnApiKeyIssues() throws Exception {
        for (String bad : List.of("{", "[1]", "{\"expires_in\": 604801}", "{\"expires_in\": 0}", "{\"expires_in\": 1.5}",
                "{\"max_files\": 0}", "{\"max_bytes\": 999999999999}", "{\"formats\": [\"svg\"]}", "{\"formats\": []}",
                "{\"single_use\": \"yes\"}", "{\"colour\": \"red\"}")) {
            HttpResponse<String> r = issue(bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertProblem(r, 400, "invalid_request");
        }
        assertEquals(201, issue("{\"expires_in\": 604800}").statusCode(), "7 days at most");
        HttpResponse<String> anonymous = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/upload-tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")), HttpResponse.BodyHandlers.ofString());
        assertProblem(anonymous, 401, "unauthorized");
        HttpResponse<String> byToken = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/upload-tokens"))
                .header("Authorization", "Bearer " + token("{}"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")), HttpResponse.BodyHandlers.ofString());
        assertProblem(byToken, 403, "token_not_allowed");
    }

    @Test
    void forgedAndExpiredTokensAre401AndStoreNothing() throws Exception {
        String token = token("{}");
        String forgedSignature = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String[] parts = token.split("\\.");
        String widened = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"max_files\":20", "\"max_files\":9999");
        String forgedPayload = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        for (String forged : List.of(forgedSignature, forgedPayload, "pbt1.", "pbt1.bm90IGpzb24.AAAA")) {
            byte[] bytes = Corpus.uniqueJpeg();
            assertProblem(upload(forged, "forged.jpg", "image/jpeg", bytes), 401, "unauthorized");
            assertNotStored(bytes);
        }

        String shortLived = token("{\"expires_in\": 1}");
        byte[][] last = new byte[1][];
        Await.until("the one-second token expires", Duration.ofSeconds(10), () -> {
            last[0] = Corpus.uniqueJpeg();
            HttpResponse<String> r = upload(shortLived, "late.jpg", "image/jpeg", last[0]);
            if (r.statusCode() == 401) {
                assertProblem(r, 401, "token_expired");
                return true;
            }
            assertEquals(201, r.statusCode(), r.body());
            return false;
        });
        assertNotStored(last[0]);
    }

    @Test
    void aSingleUseTokenIsGoodForOneRequest() throws Exception {
        String token = token("{\"single_use\": true}");
        assertEquals(201, upload(token, "once.jpg", "image/jpeg", Corpus.uniqueJpeg()).statusCode());
        byte[] again = Corpus.uniqueJpeg();
        assertProblem(upload(token, "twice.jpg", "image/jpeg", again), 403, "token_used");
        assertNotStored(again);
    }

    @Test
    void noMoreFilesThanMaxFilesOverTheTokensLife() throws Exception {
        String token = token("{\"max_files\": 2}");
        byte[] first = Corpus.uniqueJpeg();
        byte[] second = Corpus.uniqueJpeg();
        Multipart both = new Multipart().file("file", "1.jpg", "image/jpeg", first).file("file", "2.jpg", "image/jpeg", second);
        assertEquals(201, send(token, both).statusCode());
        byte[] third = Corpus.uniqueJpeg();
        assertProblem(upload(token, "3.jpg", "image/jpeg", third), 403, "token_scope");
        assertNotStored(third);

        String one = token("{\"max_files\": 1}");
        byte[] a = Corpus.uniqueJpeg();
        byte[] b = Corpus.uniqueJpeg();
        HttpResponse<String> mixed = send(one, new Multipart().file("file", "a.jpg", "image/jpeg", a).file("file", "b.jpg", "image/jpeg", b));
        assertEquals(207, mixed.statusCode(), mixed.body());
        JsonObject refused = TestServer.json(mixed.body()).getJsonArray("images").getJsonObject(1);
        assertEquals("token_scope", refused.getJsonObject("error").getString("code"));
        assertNotStored(b);
        assertEquals(1, count("select files from upload_token_use where token_id = ?", tokenId(one)), "the refused file used nothing up");
    }

    @Test
    void aFileOverMaxBytesIs413AndAFormatOutsideFormatsIs415() throws Exception {
        String small = token("{\"max_bytes\": 2000}");
        byte[] big = Corpus.photo(400, 300);
        assertTrue(big.length > 2000);
        HttpResponse<String> tooLarge = upload(small, "big.jpg", "image/jpeg", big);
        assertProblem(tooLarge, 413, "file_too_large");
        assertNotStored(big);

        String pngOnly = token("{\"formats\": [\"png\"]}");
        byte[] jpeg = Corpus.uniqueJpeg();
        HttpResponse<String> wrongFormat = upload(pngOnly, "photo.jpg", "image/jpeg", jpeg);
        assertProblem(wrongFormat, 415, "unsupported_format");
        assertNotStored(jpeg);
        byte[] png = Corpus.bytes("ok_baseline.png");
        int status = upload(pngOnly, "logo.png", "image/png", png).statusCode();
        assertTrue(status == 201 || status == 200, "a PNG is fine: " + status);
    }

    @Test
    void tokensAreRefusedEverywhereButFileUploads() throws Exception {
        String token = token("{}");
        HttpResponse<String> library = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + token), HttpResponse.BodyHandlers.ofString());
        assertProblem(library, 403, "token_not_allowed");

        HttpResponse<String> importUrl = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"https://example.org/a.jpg\"}")), HttpResponse.BodyHandlers.ofString());
        assertProblem(importUrl, 403, "token_not_allowed");

        String id = ImageClient.upload("kept.jpg", "image/jpeg", Corpus.uniqueJpeg());
        HttpResponse<String> delete = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images/" + id))
                .header("Authorization", "Bearer " + token).DELETE(), HttpResponse.BodyHandlers.ofString());
        assertProblem(delete, 403, "token_not_allowed");
        assertEquals(200, TestServer.get("/api/images/" + id).statusCode(), "still there");

        HttpResponse<String> groups = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/groups"))
                .header("Authorization", "Bearer " + token), HttpResponse.BodyHandlers.ofString());
        assertProblem(groups, 403, "token_not_allowed");
        assertEquals(0, count("select count(*) from upload_token_use where token_id = ?", tokenId(token)), "never claimed");
    }

    @Test
    void theOperatorsTokenNeedsTheSessionsCsrfToken() throws Exception {
        HttpResponse<String> basic = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/upload-tokens"))
                .header("Authorization", TestServer.adminAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString("{\"max_files\": 3}")), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, basic.statusCode(), basic.body());
        assertEquals(3, TestServer.json(basic.body()).getJsonObject("scope").getInt("max_files"));
        assertProblem(TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/upload-tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")), HttpResponse.BodyHandlers.ofString()), 401, "unauthorized");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(TestServer.uri("/shop/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(login.body());
        assertTrue(csrf.find(), login.body());
        String form = "username=" + enc(TestServer.adminUser()) + "&password=" + enc(TestServer.adminPassword()) + "&_csrf=" + csrf.group(1);
        assertEquals(303, browser.send(HttpRequest.newBuilder(TestServer.uri("/shop/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(TestServer.uri("/upload")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher pageCsrf = Pattern.compile("data-csrf=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(pageCsrf.find(), "the operator's page carries the CSRF token: " + page.body());
        assertFalse(page.body().contains(TestServer.apiKey()), "never the API key");

        HttpResponse<String> noCsrf = browser.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/upload-tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(noCsrf, 403, "csrf");
        HttpResponse<String> withCsrf = browser.send(HttpRequest.newBuilder(TestServer.uri("/api/admin/upload-tokens"))
                .header("X-CSRF-Token", pageCsrf.group(1)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, withCsrf.statusCode(), withCsrf.body());
        String operatorToken = TestServer.json(withCsrf.body()).getString("token");
        byte[] bytes = Corpus.uniqueJpeg();
        assertEquals(201, upload(operatorToken, "operator.jpg", "image/jpeg", bytes).statusCode());
        assertEquals(fingerprintOfTheApiKey(), uploaderOf(Corpus.sha256(bytes)), "signed by the first API key");
    }

    @Test
    void theUploadPageUploadsWithATokenLinkAndHasNoKeyField() throws Exception {
        Path dir = Files.createTempDirectory("picbed-token-page");
        byte[] jpeg = Corpus.uniqueJpeg();
        Path file = Files.write(dir.resolve("linked.jpg"), jpeg);
        String token = token("{\"max_files\": 5}");

        ChromeDriver driver = Browser.open(1200, 1200);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(TestServer.uri("/upload").toString());
            wait.until(d -> d.findElement(By.id("access-status")).getText().toLowerCase().contains("ask your operator for an upload link"));
            assertFalse(driver.findElement(By.id("choose-section")).isDisplayed(), "no upload without a token");
            assertTrue(driver.findElements(By.id("api-key")).isEmpty(), "no API key field");

            driver.get(TestServer.uri("/upload?token=" + enc(token)).toString());
            assertTrue(driver.findElements(By.id("api-key")).isEmpty(), "no API key field");
            assertFalse(driver.getPageSource().contains(TestServer.apiKey()), "no API key on the page");
            driver.findElement(By.id("file-input")).sendKeys(file.toString());
            wait.until(d -> d.findElements(By.cssSelector(".upload-row[data-state=done]")).size() == 1);
            assertServed(driver.findElement(By.cssSelector(".upload-row[data-state=done] .upload-url")).getAttribute("value"), jpeg);
            assertEquals(1, count("select files from upload_token_use where token_id = ?", tokenId(token)));
        } finally {
            driver.quit();
        }
    }

    @Test
    void aLoggedInOperatorUploadsFromTheUploadPage() throws Exception {
        Path dir = Files.createTempDirectory("picbed-operator-page");
        byte[] jpeg = Corpus.uniqueJpeg();
        Path file = Files.write(dir.resolve("operator.jpg"), jpeg);

        ChromeDriver driver = Browser.open(1200, 1200);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(TestServer.uri("/shop/login").toString());
            driver.findElement(By.id("username")).sendKeys(TestServer.adminUser());
            driver.findElement(By.id("password")).sendKeys(TestServer.adminPassword());
            driver.findElement(By.id("login")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/shop/admin/"));

            driver.get(TestServer.uri("/upload").toString());
            assertTrue(driver.findElements(By.id("api-key")).isEmpty(), "no API key field");
            assertFalse(driver.getPageSource().contains(TestServer.apiKey()), "no API key on the page");
            driver.findElement(By.id("file-input")).sendKeys(file.toString());
            wait.until(d -> d.findElements(By.cssSelector(".upload-row[data-state=done]")).size() == 1);
            assertServed(driver.findElement(By.cssSelector(".upload-row[data-state=done] .upload-url")).getAttribute("value"), jpeg);
            assertFalse(driver.getPageSource().contains(TestServer.apiKey()), "still no API key on the page");
        } finally {
            driver.quit();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static HttpResponse<String> issue(String body) throws Exception {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/upload-tokens"))
                .header("Authorization", "Bearer " + TestServer.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String body) throws Exception {
        HttpResponse<String> r = issue(body);
        assertEquals(201, r.statusCode(), r.body());
        return TestServer.json(r.body()).getString("token");
    }

    private static HttpResponse<String> upload(String token, String name, String type, byte[] bytes) throws Exception {
        return send(token, new Multipart().file("file", name, type, bytes));
    }

    private static HttpResponse<String> send(String token, Multipart body) throws Exception {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(body.body()), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), response.body());
        assertEquals(code, TestServer.json(response.body()).getString("code"), response.body());
    }

    /** Neither the original nor its metadata: the id the bytes would have is unknown. */
    private static void assertNotStored(byte[] bytes) throws Exception {
        String id = Corpus.sha256(bytes);
        assertEquals(404, TestServer.get("/api/images/" + id).statusCode(), "no row for " + id);
        assertEquals(404, TestServer.get("/i/" + id).statusCode(), "no blob for " + id);
        assertEquals(0, count("select count(*) from image where id = ?", id));
    }

    private static void assertServed(String url, byte[] expected) throws Exception {
        HttpResponse<byte[]> served = TestServer.send(HttpRequest.newBuilder(java.net.URI.create(url)), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(expected, served.body(), "the URL the page shows serves the uploaded bytes");
    }

    private static List<String> strings(JsonObject scope) {
        return scope.getJsonArray("formats").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The token's id, from its (unencrypted) payload. */
    private static String tokenId(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return TestServer.json(payload).getString("id");
    }

    private static String fingerprintOfTheApiKey() throws Exception {
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(TestServer.apiKey().getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(hash, 0, 8);
    }

    private static String uploaderOf(String imageId) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement("select uploader from image_upload where image_id = ?")) {
            query.setString(1, imageId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "an upload row for " + imageId);
                return row.getString(1);
            }
        }
    }

    private static long count(String sql, String param) throws Exception {
        try (Connection connection = TestDatabase.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, param);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
