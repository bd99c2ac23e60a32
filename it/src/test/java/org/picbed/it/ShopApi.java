package org.picbed.it;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The storefront's catalogue API on the test server, as the operator: products and pictures for browser tests. */
public final class ShopApi {

    private ShopApi() {
    }

    /** Creates a product; returns its JSON (with {@code slug}). */
    public static JsonObject create(String name, String price) throws IOException, InterruptedException {
        HttpResponse<String> response = call(HttpRequest.newBuilder(TestServer.uri("/api/shop/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"price\":\"" + price
                        + "\",\"currency\":\"EUR\",\"description\":\"A product made by a test.\"}")));
        assertEquals(201, response.statusCode(), response.body());
        return TestServer.json(response.body());
    }

    /** Adds a picture; returns its JSON ({@code id}, {@code image}, {@code width}, {@code height}). */
    public static JsonObject addPicture(String slug, byte[] image, String alt) throws IOException, InterruptedException {
        HttpResponse<String> response = addPictureRaw(slug, image, alt);
        assertEquals(201, response.statusCode(), response.body());
        return TestServer.json(response.body());
    }

    public static HttpResponse<String> addPictureRaw(String slug, byte[] image, String alt) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(TestServer.uri("/api/shop/products/" + slug + "/pictures?alt="
                        + URLEncoder.encode(alt, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)));
    }

    public static JsonObject get(String slug) throws IOException, InterruptedException {
        HttpResponse<String> response = call(HttpRequest.newBuilder(TestServer.uri("/api/shop/products/" + slug)).GET());
        assertEquals(200, response.statusCode(), response.body());
        return TestServer.json(response.body());
    }

    public static HttpResponse<String> call(HttpRequest.Builder request) throws IOException, InterruptedException {
        return TestServer.send(request.header("Authorization", TestServer.adminAuthorization()), HttpResponse.BodyHandlers.ofString());
    }
}
