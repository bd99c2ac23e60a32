package org.picbed.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.picbed.client.Multipart;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A picbed site (or node) on loopback, driven over HTTP with an API key and the admin credentials. */
public final class SiteClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final URI base;
    private final String apiKey;
    private final String admin;

    public SiteClient(int httpPort, String apiKey, String adminUser, String adminPassword) {
        this.base = URI.create("http://127.0.0.1:" + httpPort);
        this.apiKey = apiKey;
        this.admin = "Basic " + Base64.getEncoder().encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public String upload(byte[] jpeg) throws IOException, InterruptedException {
        Multipart body = new Multipart().file("file", "site.jpg", "image/jpeg", jpeg);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/images")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", body.contentType())
                .POST(body.body()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError("upload at " + base + " failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).getJsonArray("images").getJsonObject(0).getString("id");
    }

    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The image's metadata status: 200 once the catalogue has it (this never asks a peer). */
    public int metadataStatus(String id) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/images/" + id)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The image's metadata (incl. its variants and their states), as this site's catalogue has it. */
    public JsonObject metadata(String id) throws IOException, InterruptedException {
        return json(HTTP.send(HttpRequest.newBuilder(uri("/api/images/" + id)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    public int delete(String id) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/images/" + id)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** {@code GET /api/admin/sites} as the operator. */
    public JsonObject sites() throws IOException, InterruptedException {
        return admin("/api/admin/sites");
    }

    /** An admin JSON resource as the operator (200 expected). */
    public JsonObject admin(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " at " + base + ": " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /** This site's view of one peer, from the admin JSON. */
    public JsonObject peer(String name) throws IOException, InterruptedException {
        return sites().getJsonArray("peers").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow();
    }

    public HttpResponse<String> health() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public String metrics() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/metrics")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    public static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
