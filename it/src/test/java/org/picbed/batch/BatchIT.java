package org.picbed.batch;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Corpus;
import org.picbed.it.Groups;
import org.picbed.it.Origin;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestServer;
import org.picbed.client.Multipart;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Groups on the real server: URL and upload tasks through the JMS stages with rules in order, every refusal of
 * the safe fetcher with its code while a listener on the refused addresses sees no connection, invalid groups,
 * a signed callback that is retried and delivered once, and high-priority tasks overtaking a low flood.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchIT {

    private static Origin origin;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @BeforeAll
    static void startOrigin() throws IOException {
        origin = new Origin();
    }

    @AfterAll
    static void stopOrigin() throws Exception {
        origin.close();
    }

    @Test
    void urlAndUploadTasksRunThroughTheStagesWithRulesInOrder() throws Exception {
        String source = origin.put("landscape-" + System.nanoTime() + ".jpg", Corpus.photo(1200, 800));
        byte[] upload = Corpus.photo(400, 200);
        String json = "{\"priority\":\"high\",\"tasks\":["
                + "{\"url\":\"" + source + "\",\"rules\":[\"c:600:600\",\"rs:fit:300:300\"]},"
                + "{\"url\":\"" + source + "\",\"rules\":[\"rs:fit:300:300\",\"c:600:600\"]},"
                + "{\"upload\":\"photo\",\"rules\":[\"rot:90\",\"format:png\"],\"keep_original\":true}]}";
        HttpResponse<String> submitted = Groups.submitMultipart(new Multipart().field("group", json)
                .file("photo", "holiday.jpg", "image/jpeg", upload));
        assertEquals(202, submitted.statusCode(), submitted.body());
        String id = TestServer.json(submitted.body()).getString("id");
        JsonObject group = Groups.awaitDone(id, Duration.ofSeconds(60));
        assertEquals(3, group.getInt("tasks_total"));
        assertEquals(0, group.getInt("tasks_failed"), group.toString());

        JsonObject cropFirst = group.getJsonArray("tasks").getJsonObject(0);
        JsonObject resizeFirst = group.getJsonArray("tasks").getJsonObject(1);
        JsonObject turned = group.getJsonArray("tasks").getJsonObject(2);
        assertEquals("done", cropFirst.getString("state"));
        assertEquals(List.of(300, 300), size(cropFirst.getString("image")), "a 600x600 crop, then fit in 300x300");
        assertEquals(List.of(300, 200), size(resizeFirst.getString("image")), "fit first; the crop is then the whole image");
        assertNotEquals(cropFirst.getString("image"), resizeFirst.getString("image"));
        assertEquals("[\"c:600:600:ce\",\"rs:fit:300:300\"]", cropFirst.getJsonArray("applied").toString());

        assertEquals("holiday.jpg", turned.getString("upload"));
        assertEquals(List.of(200, 400), size(turned.getString("image")), "turned a quarter");
        assertEquals("png", TestServer.json(TestServer.get("/api/images/" + turned.getString("image")).body()).getString("format"));
        assertEquals(Corpus.sha256(upload), turned.getString("original"), "the original is kept as asked");
        assertEquals(200, TestServer.get("/i/" + Corpus.sha256(upload)).statusCode());
    }

    @Test
    void refusedSourcesFailWithTheirCodeAndNoConnectionReachesARefusedAddress() throws Exception {
        int port = Origin.FORBIDDEN_PORT;
        Map<String, String> expected = new LinkedHashMap<>();
        for (String host : List.of("127.0.0.1", "127.1", "127.0.0.2", "0177.0.0.1", "0x7f000001", "2130706433", "0x7f.1",
                "0.0.0.0", "0", "[::1]", "[::]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]", "localhost",
                "169.254.169.254", "[fd00:ec2::254]", "10.0.0.1", "172.16.0.1", "192.168.0.1", "100.64.0.1", "[fc00::1]",
                "[fe80::1]", "224.0.0.1", "[ff02::1]")) {
            expected.put("http://" + host + ":" + port + "/image.jpg", "source_not_allowed");
        }
        expected.put(origin.url("/to-forbidden"), "source_not_allowed");
        expected.put(origin.url("/to-decimal"), "source_not_allowed");
        expected.put(origin.url("/hop"), "source_redirects");
        expected.put(origin.url("/big"), "source_too_large");
        expected.put(origin.url("/big-chunked"), "source_too_large");
        expected.put(origin.url("/sleep"), "source_timeout");
        expected.put(origin.url("/img/missing.jpg"), "source_status");
        expected.put(origin.url("/html"), "unsupported_format");
        expected.put("ftp://example.com/a.jpg", "source_invalid");
        StringBuilder tasks = new StringBuilder();
        for (String url : expected.keySet()) {
            tasks.append(tasks.isEmpty() ? "" : ",").append("{\"url\":\"").append(url).append("\"}");
        }
        HttpResponse<String> refusedAtOnce = Groups.submitRaw("{\"tasks\":[" + tasks + "]}");
        assertEquals(400, refusedAtOnce.statusCode(), "a non-http URL is refused when the group is submitted");
        assertTrue(refusedAtOnce.body().contains("source_invalid"), refusedAtOnce.body());
        expected.remove("ftp://example.com/a.jpg");
        tasks.setLength(0);
        for (String url : expected.keySet()) {
            tasks.append(tasks.isEmpty() ? "" : ",").append("{\"url\":\"").append(url).append("\"}");
        }

        JsonObject group = Groups.awaitDone(Groups.submit("{\"priority\":\"high\",\"tasks\":[" + tasks + "]}"), Duration.ofSeconds(90));
        List<String> urls = new ArrayList<>(expected.keySet());
        for (int i = 0; i < urls.size(); i++) {
            JsonObject task = group.getJsonArray("tasks").getJsonObject(i);
            assertEquals("failed", task.getString("state"), urls.get(i));
            assertEquals(expected.get(urls.get(i)), task.getJsonObject("error").getString("code"), urls.get(i));
        }
        assertEquals(urls.size(), group.getInt("tasks_failed"));

        HttpResponse<String> now = urlUpload("{\"url\":\"http://0x7f000001:" + port + "/\"}");
        assertEquals(422, now.statusCode(), now.body());
        assertEquals("source_not_allowed", TestServer.json(now.body()).getString("code"));
        assertTrue(now.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(0, origin.forbiddenConnections(), "no fetch ever connected to a refused address");
    }

    @Test
    void oneUrlIsFetchedAtOnceWithItsRules() throws Exception {
        String source = origin.put("sync-" + System.nanoTime() + ".jpg", Corpus.photo(900, 600));
        HttpResponse<String> made = urlUpload("{\"url\":\"" + source + "\",\"rules\":[\"rs:fit:90:90\",\"format:webp\"]}");
        assertEquals(201, made.statusCode(), made.body());
        JsonObject image = TestServer.json(made.body()).getJsonArray("images").getJsonObject(0);
        assertEquals("webp", image.getString("format"));
        assertEquals(90, image.getInt("width"));
        assertEquals(60, image.getInt("height"));
        assertEquals("[\"rs:fit:90:90\",\"format:webp\"]", image.getJsonArray("applied").toString());
    }

    @Test
    void invalidGroupsAreRefusedAndLeaveNoStagedFiles() throws Exception {
        Path staging = TestServer.home().resolve("blobs").resolve("batch");
        long before = count(staging);
        for (String bad : List.of("{}", "{\"tasks\":[]}", "{\"tasks\":[{\"url\":\"http://a/\",\"upload\":\"x\"}]}",
                "{\"tasks\":[{\"url\":\"http://example.com/a.jpg\",\"rules\":[\"zz:1\"]}]}",
                "{\"tasks\":[{\"upload\":\"nope\"}]}", "{\"priority\":\"urgent\",\"tasks\":[{\"url\":\"http://example.com/\"}]}", "[1]")) {
            HttpResponse<String> response = Groups.submitRaw(bad);
            assertEquals(400, response.statusCode(), bad + " -> " + response.body());
        }
        HttpResponse<String> privateCallback = Groups.submitRaw(
                "{\"callback\":\"http://10.1.2.3/hook\",\"tasks\":[{\"url\":\"" + origin.url("/img/x.jpg") + "\"}]}");
        assertEquals("source_not_allowed", TestServer.json(privateCallback.body()).getString("code"), privateCallback.body());
        HttpResponse<String> badRuleWithFile = Groups.submitMultipart(new Multipart()
                .file("a", "a.jpg", "image/jpeg", Corpus.photo(300, 200))
                .field("group", "{\"tasks\":[{\"upload\":\"a\",\"rules\":[\"rs:nope\"]}]}"));
        assertEquals(400, badRuleWithFile.statusCode(), badRuleWithFile.body());
        assertEquals("invalid_rule", TestServer.json(badRuleWithFile.body()).getString("code"));
        assertEquals(before, count(staging), "the refused group's upload was not left staged");
        HttpResponse<String> anonymous = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/groups"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"tasks\":[]}")),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void theCallbackIsSignedRetriedAndDeliveredOnce() throws Exception {
        byte[] secret = System.getProperty("picbed.it.callback.secret", "it-callback-secret").getBytes(StandardCharsets.UTF_8);
        int port = Integer.getInteger("picbed.it.callback.port", 3432);
        AtomicInteger requests = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<String> badSignatures = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
        receiver.createContext("/hook", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            String header = x.getRequestHeaders().getFirst("X-Picbed-Signature");
            if (!valid(header, body, secret)) {
                badSignatures.add(String.valueOf(header));
            }
            int status = requests.incrementAndGet() == 1 ? 503 : 200; // the first attempt fails: picbed must retry
            if (status == 200) {
                delivered.add(new String(body, StandardCharsets.UTF_8));
            }
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        receiver.start();
        try {
            String source = origin.put("hooked-" + System.nanoTime() + ".jpg", Corpus.photo(320, 240));
            String id = Groups.submit("{\"callback\":\"http://127.0.0.1:" + port + "/hook\",\"tasks\":[{\"url\":\"" + source + "\"}]}");
            Groups.awaitDone(id, Duration.ofSeconds(60));
            org.picbed.it.Await.until("callback delivered", Duration.ofSeconds(60),
                    () -> "delivered".equals(Groups.status(id).getJsonObject("callback").getString("state")));
            Thread.sleep(1500); // room for a wrong second delivery
            JsonObject callback = Groups.status(id).getJsonObject("callback");
            assertEquals(2, callback.getInt("attempts"), "one failed attempt, then the delivery: " + callback);
            assertEquals(2, requests.get());
            assertEquals(1, delivered.size(), "delivered once");
            assertEquals(List.of(), badSignatures, "every request carried a valid signature");
            JsonObject posted = TestServer.json(delivered.get(0));
            assertEquals(id, posted.getString("id"));
            assertEquals("done", posted.getString("state"));
            assertEquals("done", posted.getJsonArray("tasks").getJsonObject(0).getString("state"));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void highPriorityTasksOvertakeALowPriorityFlood() throws Exception {
        String quick = origin.put("quick-" + System.nanoTime() + ".jpg", Corpus.photo(200, 150));
        long idle = latency("high", quick);
        String slowName = "flood-" + System.nanoTime() + ".jpg";
        origin.put(slowName, Corpus.photo(200, 150));
        int flood = 60;
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < flood; i++) {
            tasks.append(i == 0 ? "" : ",").append("{\"url\":\"").append(origin.url("/slow/" + slowName)).append("?").append(i).append("\"}");
        }
        String floodGroup = Groups.submit("{\"priority\":\"low\",\"tasks\":[" + tasks + "]}");
        long high = latency("high", origin.put("quick2-" + System.nanoTime() + ".jpg", Corpus.photo(200, 150)));
        int lowDoneWhenHighWas = Groups.status(floodGroup).getInt("tasks_finished");
        long low = latency("low", origin.put("quick3-" + System.nanoTime() + ".jpg", Corpus.photo(200, 150)));
        Groups.awaitDone(floodGroup, Duration.ofSeconds(120));
        System.out.printf("BatchIT priority: a high task took %d ms idle and %d ms during a %d-task low flood "
                        + "(%d of the flood done by then, %.1fx idle); a low task submitted during the flood took %d ms (%.1fx high)%n",
                idle, high, flood, lowDoneWhenHighWas, (double) high / idle, low, (double) low / high);
        assertTrue(lowDoneWhenHighWas < flood / 2, "the high task did not wait for the flood: "
                + lowDoneWhenHighWas + " of " + flood + " low tasks were done when it was");
    }

    /** Submit to done, for one task at this priority. */
    private static long latency(String priority, String url) throws Exception {
        long t0 = System.nanoTime();
        String id = Groups.submit("{\"priority\":\"" + priority + "\",\"tasks\":[{\"url\":\"" + url + "\"}]}");
        org.picbed.it.Await.until("group " + id, Duration.ofSeconds(120), () -> "done".equals(Groups.status(id).getString("state")));
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static boolean valid(String header, byte[] body, byte[] secret) {
        try {
            if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
                return false;
            }
            String t = header.substring(2, header.indexOf(','));
            if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(header.substring(header.indexOf("v1=") + 3)));
        } catch (Exception e) {
            return false;
        }
    }

    private static List<Integer> size(String imageId) throws Exception {
        JsonObject image = TestServer.json(TestServer.get("/api/images/" + imageId).body());
        return List.of(image.getInt("width"), image.getInt("height"));
    }

    private static HttpResponse<String> urlUpload(String json) throws Exception {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + TestServer.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
