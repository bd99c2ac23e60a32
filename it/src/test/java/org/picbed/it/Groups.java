package org.picbed.it;

import jakarta.json.JsonObject;
import org.picbed.client.Multipart;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The group API on the test server with the test API key. */
public final class Groups {

    private Groups() {
    }

    public static HttpResponse<String> submitRaw(String json) throws IOException, InterruptedException {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/groups"))
                .header("Authorization", "Bearer " + TestServer.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits a group (202 expected); returns its id. */
    public static String submit(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = submitRaw(json);
        assertEquals(202, response.statusCode(), response.body());
        return TestServer.json(response.body()).getString("id");
    }

    public static HttpResponse<String> submitMultipart(Multipart body) throws IOException, InterruptedException {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/groups"))
                .header("Authorization", "Bearer " + TestServer.apiKey()).header("Content-Type", body.contentType())
                .POST(body.body()), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonObject status(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/groups/" + id))
                .header("Authorization", "Bearer " + TestServer.apiKey()), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return TestServer.json(response.body());
    }

    /** Waits until the group is done; returns its final status. */
    public static JsonObject awaitDone(String id, Duration timeout) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        Await.until("group " + id + " done", timeout, () -> {
            last.set(status(id));
            return "done".equals(last.get().getString("state"));
        });
        return last.get();
    }
}
