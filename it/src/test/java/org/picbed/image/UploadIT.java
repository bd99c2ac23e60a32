package org.picbed.image;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Corpus;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestDatabase;
import org.picbed.it.TestServer;
import org.picbed.client.Multipart;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads and originals over HTTP against the real server, with the blob volume and MariaDB checked directly. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void everyManifestSampleGetsItsStatusAndRejectionsLeaveNothingBehind() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Corpus.Sample sample : Corpus.manifest()) {
            Footprint before = Footprint.now();
            HttpResponse<String> response = upload(new Multipart().file("file", sample.filename(), sample.contentType(), sample.bytes()));
            int status = response.statusCode();
            if (!sample.accepts(status)) {
                failures.add(sample + ": expected " + sample.expected() + ", got " + status + " " + response.body());
                continue;
            }
            assertNoLeak(response.body());
            if (sample.expectsSuccess()) {
                JsonObject entry = json(response.body()).getJsonArray("images").getJsonObject(0);
                byte[] served = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/i/" + entry.getString("id"))),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                assertArrayEquals(sample.bytes(), served, sample + " is served byte-identical");
            } else {
                assertEquals("application/problem+json", contentType(response), sample.toString());
                JsonObject problem = json(response.body());
                assertEquals(status, problem.getInt("status"));
                assertFalse(problem.getString("code").isBlank());
                assertEquals(before, Footprint.now(), sample + " left something behind");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void typeComesFromTheBytesAndFileNamesAreOnlyDisplayNames() throws Exception {
        Corpus.Sample pngAsJpeg = sample("fn_ctype_mismatch_png_as_jpeg.jpg");
        JsonObject png = first(upload(new Multipart().file("file", "holiday.jpg", "image/jpeg", pngAsJpeg.bytes())));
        assertEquals("png", png.getString("format"));
        assertTrue(png.getString("url").endsWith(".png"));
        HttpResponse<byte[]> served = get("/i/" + png.getString("id") + ".png");
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(404, get("/i/" + png.getString("id") + ".jpg").statusCode(), "the extension must match the stored format");

        JsonObject traversal = first(upload(new Multipart().file("file", "../../etc/passwd.jpg", "image/jpeg", Corpus.uniqueJpeg())));
        assertEquals("passwd.jpg", traversal.getString("filename"));
        assertFalse(Files.exists(TestServer.home().resolve("../etc/passwd.jpg")));

        String unicode = "caf\u00e9 \u65e5\u672c \u0444\u043e\u0442\u043e.jpg";
        JsonObject named = first(upload(new Multipart().file("file", unicode, "image/jpeg", Corpus.uniqueJpeg())));
        assertEquals(unicode, named.getString("filename"));
        JsonObject meta = json(get("/api/images/" + named.getString("id"), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(unicode, meta.getJsonArray("uploads").getJsonObject(0).getString("filename"));

        HttpResponse<String> control = upload(new Multipart().file("file", "a\u0001b.jpg", "image/jpeg", Corpus.uniqueJpeg()));
        assertEquals(400, control.statusCode(), control.body());
    }

    @Test
    void idIsTheSha256AndTheOriginalComesBackByteIdentical() throws Exception {
        byte[] bytes = Corpus.uniqueJpeg();
        HttpResponse<String> response = upload(new Multipart().file("file", "a.jpg", "image/jpeg", bytes));
        assertEquals(201, response.statusCode(), response.body());
        JsonObject entry = first(response);
        assertEquals("created", entry.getString("status"));
        assertEquals(sha256(bytes), entry.getString("id"));
        assertEquals(64, entry.getInt("width"));
        assertEquals(48, entry.getInt("height"));
        assertEquals(bytes.length, entry.getInt("bytes"));
        HttpResponse<byte[]> served = get("/i/" + entry.getString("id") + ".jpg");
        assertEquals(200, served.statusCode());
        assertArrayEquals(bytes, served.body());
        assertEquals("public, max-age=31536000, immutable", served.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("\"" + entry.getString("id") + "\"", served.headers().firstValue("ETag").orElse(""));
        assertTrue(Files.isRegularFile(blobPath(entry.getString("id"))), "sharded as ab/cd/<id>");

        HttpResponse<String> again = upload(new Multipart().file("file", "b.jpg", "image/jpeg", bytes));
        assertEquals(200, again.statusCode());
        assertEquals("exists", first(again).getString("status"));
    }

    @Test
    void twentyConcurrentIdenticalUploadsStoreOneBlobAndOneImage() throws Exception {
        byte[] bytes = Corpus.uniqueJpeg();
        String expectedId = sha256(bytes);
        int clients = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return upload(new Multipart().file("file", "same-" + n + ".jpg", "image/jpeg", bytes));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                statuses.add(response.statusCode());
                assertEquals(expectedId, first(response).getString("id"));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one created: " + statuses);
            assertEquals(clients - 1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from image where id = ?", expectedId));
        assertEquals(clients, count("select count(*) from image_upload where image_id = ?", expectedId));
        assertTrue(Files.isRegularFile(blobPath(expectedId)));
        assertEquals(0, tempFiles());
    }

    @Test
    void severalFilesInOneRequestAnswerEachInOrder() throws Exception {
        byte[] a = Corpus.uniqueJpeg();
        byte[] b = Corpus.bytes("ok_baseline.png");
        Multipart body = new Multipart()
                .file("file", "a.jpg", "image/jpeg", a)
                .field("note", "form fields are ignored")
                .file("file", "text.jpg", "image/jpeg", "just some text".getBytes(StandardCharsets.UTF_8))
                .file("file", "b.png", "image/png", b);
        HttpResponse<String> response = upload(body);
        assertEquals(207, response.statusCode(), response.body());
        JsonArray images = json(response.body()).getJsonArray("images");
        assertEquals(3, images.size());
        assertEquals("created", images.getJsonObject(0).getString("status"));
        assertEquals(sha256(a), images.getJsonObject(0).getString("id"));
        assertEquals("rejected", images.getJsonObject(1).getString("status"));
        assertEquals("unsupported_format", images.getJsonObject(1).getJsonObject("error").getString("code"));
        assertEquals(sha256(b), images.getJsonObject(2).getString("id"));

        Multipart two = new Multipart().file("file", "x.jpg", "image/jpeg", Corpus.uniqueJpeg()).file("file", "y.jpg", "image/jpeg", Corpus.uniqueJpeg());
        assertEquals(201, upload(two).statusCode(), "all created: 201");
    }

    @Test
    void rawBodyUploadWithFilenameHeader() throws Exception {
        byte[] bytes = Corpus.uniqueJpeg();
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + TestServer.apiKey())
                .header("Content-Type", "image/jpeg")
                .header("X-Filename", "r%C3%A9sum%C3%A9.jpg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("r\u00e9sum\u00e9.jpg", first(response).getString("filename"));
        assertEquals(sha256(bytes), first(response).getString("id"));
    }

    @Test
    void conditionalRangeAndHeadRequests() throws Exception {
        byte[] bytes = Corpus.uniqueJpeg();
        String id = first(upload(new Multipart().file("file", "r.jpg", "image/jpeg", bytes))).getString("id");
        String path = "/i/" + id + ".jpg";

        HttpResponse<byte[]> notModified = TestServer.send(HttpRequest.newBuilder(TestServer.uri(path))
                .header("If-None-Match", "\"" + id + "\""), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);

        HttpResponse<byte[]> partial = TestServer.send(HttpRequest.newBuilder(TestServer.uri(path))
                .header("Range", "bytes=10-19"), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, partial.statusCode());
        assertEquals("bytes 10-19/" + bytes.length, partial.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 10, 20), partial.body());

        HttpResponse<byte[]> suffix = TestServer.send(HttpRequest.newBuilder(TestServer.uri(path))
                .header("Range", "bytes=-5"), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length), suffix.body());

        HttpResponse<byte[]> unsatisfiable = TestServer.send(HttpRequest.newBuilder(TestServer.uri(path))
                .header("Range", "bytes=" + bytes.length + "-"), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(416, unsatisfiable.statusCode());

        HttpResponse<byte[]> head = TestServer.send(HttpRequest.newBuilder(TestServer.uri(path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(bytes.length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals("image/jpeg", head.headers().firstValue("Content-Type").orElse(""));
        assertEquals(0, head.body().length);

        assertEquals(400, get("/i/not-an-id.jpg").statusCode());
        HttpResponse<byte[]> unknown = get("/i/" + "0".repeat(64) + ".jpg");
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, get("/i/").statusCode(), "no directory listing");
    }

    @Test
    void missingOrWrongKeyIs401AndStoresNothing() throws Exception {
        Footprint before = Footprint.now();
        Multipart body = new Multipart().file("file", "a.jpg", "image/jpeg", Corpus.uniqueJpeg());
        HttpResponse<String> none = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Content-Type", body.contentType())
                .POST(body.body()), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        assertEquals("application/problem+json", contentType(none));
        HttpResponse<String> wrong = upload(body, "Bearer not-a-key");
        assertEquals(401, wrong.statusCode());
        assertEquals(before, Footprint.now());
        HttpResponse<String> secondKey = upload(new Multipart().file("file", "k.jpg", "image/jpeg", Corpus.uniqueJpeg()), "Bearer it-second-key");
        assertEquals(201, secondKey.statusCode(), "every configured key is accepted");
    }

    @Test
    void deleteRemovesForGoodAndADeliberateUploadCreatesItAnew() throws Exception {
        byte[] bytes = Corpus.uniqueJpeg();
        String id = first(upload(new Multipart().file("file", "d.jpg", "image/jpeg", bytes))).getString("id");
        assertEquals(200, get("/i/" + id + ".jpg").statusCode());

        HttpResponse<String> anonymous = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images/" + id)).DELETE(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());

        HttpResponse<String> deleted = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images/" + id))
                .header("Authorization", "Bearer " + TestServer.apiKey()).DELETE(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, get("/i/" + id + ".jpg").statusCode());
        assertEquals(404, get("/i/" + id).statusCode());
        assertEquals(404, get("/api/images/" + id, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertFalse(Files.exists(blobPath(id)));
        assertEquals(0, count("select count(*) from image where id = ?", id));
        assertEquals(0, count("select count(*) from image_upload where image_id = ?", id));
        assertEquals(1, count("select count(*) from image_tombstone where image_id = ?", id));

        HttpResponse<String> again = upload(new Multipart().file("file", "d.jpg", "image/jpeg", bytes));
        assertEquals(201, again.statusCode());
        assertEquals(0, count("select count(*) from image_tombstone where image_id = ?", id));
        assertEquals(200, get("/i/" + id + ".jpg").statusCode());
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() throws Exception {
        byte[] bytes = Corpus.uniqueJpeg();
        String key = "retry-" + sha256(bytes).substring(0, 12);
        Multipart body = new Multipart().file("file", "i.jpg", "image/jpeg", bytes);
        HttpResponse<String> first = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + TestServer.apiKey()).header("Idempotency-Key", key)
                .header("Content-Type", body.contentType()).POST(body.body()),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> retry = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + TestServer.apiKey()).header("Idempotency-Key", key)
                .header("Content-Type", body.contentType()).POST(body.body()),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode(), "the retry gets the first answer, not 200 'exists'");
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, count("select count(*) from image_upload where image_id = ?", sha256(bytes)));
    }

    @Test
    void metadataEndpointDescribesTheImage() throws Exception {
        JsonObject entry = first(upload(new Multipart().file("file", "m.jpg", "image/jpeg", Corpus.uniqueJpeg())));
        HttpResponse<String> meta = get("/api/images/" + entry.getString("id"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, meta.statusCode());
        JsonObject json = json(meta.body());
        assertEquals(entry.getString("id"), json.getString("id"));
        assertEquals("jpeg", json.getString("format"));
        assertEquals(64, json.getInt("width"));
        assertEquals("local", json.getString("originSite"));
        assertEquals(400, get("/api/images/XYZ", HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** What the server holds: blob files, temp files, image and upload rows. */
    record Footprint(long blobs, long temps, long images, long uploads) {
        static Footprint now() throws Exception {
            return new Footprint(blobCount(), tempFiles(), count("select count(*) from image", null),
                    count("select count(*) from image_upload", null));
        }
    }

    private static HttpResponse<String> upload(Multipart body) throws IOException, InterruptedException {
        return upload(body, "Bearer " + TestServer.apiKey());
    }

    private static HttpResponse<String> upload(Multipart body, String authorization) throws IOException, InterruptedException {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", authorization)
                .header("Content-Type", body.contentType())
                .POST(body.body()), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return get(path, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri(path)), handler);
    }

    private static JsonObject first(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return json(response.body()).getJsonArray("images").getJsonObject(0);
    }

    private static Corpus.Sample sample(String file) {
        return Corpus.manifest().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
    }

    private static JsonObject json(String body) {
        return TestServer.json(body);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static void assertNoLeak(String body) {
        for (String leak : Set.of("Exception", "\tat ", "java.", "SQL", TestServer.home().toString(), "WildFly", "/blobs/")) {
            assertFalse(body.contains(leak), "response leaks '" + leak + "': " + body);
        }
    }

    static String sha256(byte[] bytes) {
        return Corpus.sha256(bytes);
    }

    private static Path blobDir() {
        return TestServer.home().resolve("blobs");
    }

    private static Path blobPath(String id) {
        return blobDir().resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
    }

    private static long blobCount() throws IOException {
        if (!Files.isDirectory(blobDir())) {
            return 0;
        }
        // Originals sit at <aa>/<bb>/<id>; variants and staging are other subtrees that renders change while we count.
        long count = 0;
        try (Stream<Path> shards = Files.list(blobDir())) {
            for (Path shard : shards.filter(p -> p.getFileName().toString().matches("[0-9a-f]{2}")).toList()) {
                try (Stream<Path> files = Files.find(shard, 2,
                        (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().matches("[0-9a-f]{64}"))) {
                    count += files.count();
                }
            }
        }
        return count;
    }

    private static long tempFiles() throws IOException {
        Path tmp = blobDir().resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.collect(Collectors.counting());
        }
    }

    private static long count(String sql, String param) throws Exception {
        try (Connection connection = TestDatabase.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            if (param != null) {
                query.setString(1, param);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
