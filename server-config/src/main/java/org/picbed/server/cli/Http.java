package org.picbed.server.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * picbed's HTTP API for the CLI (java.net.http): one base URL and one credential (API key or admin login). A refused
 * connection becomes "picbed is not running here"; other I/O errors are left to the caller to phrase.
 */
public final class Http {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    // HTTP/1.1 as curl spoke it: no h2c upgrade attempt on plain http
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT).build();
    private final URI base;
    private final String authorization;

    private Http(URI base, String authorization) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.authorization = authorization;
    }

    /** {@code Authorization: Bearer <key>} (the upload API). */
    public static Http bearer(URI base, String apiKey) {
        return new Http(base, "Bearer " + apiKey);
    }

    /** HTTP Basic with the admin login (the shop API). */
    public static Http basic(URI base, String user, String password) {
        return new Http(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public URI base() {
        return base;
    }

    /** An answer: the status and the body as text. */
    public record Response(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as a JSON object, if it is one. */
        public Optional<JsonObject> json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return Optional.of(reader.readObject());
            } catch (JsonException | IllegalStateException e) {
                return Optional.empty();
            }
        }
    }

    /** Fails with "picbed is not running here" unless something accepts connections at the base's host and port. */
    public void requireRunning() {
        int port = base.getPort() >= 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port), (int) CONNECT.toMillis());
        } catch (IOException e) {
            throw notRunning();
        }
    }

    public Response get(String path, Duration timeout) throws IOException {
        return send(request(path, timeout).GET().build());
    }

    /** HEAD without credentials (public URLs such as {@code /i/<id>}): the status only. */
    public int headPublic(String path, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        return send(request).status();
    }

    public Response postJson(String path, JsonObject json, Duration timeout) throws IOException {
        return send(request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8)).build());
    }

    public Response post(String path, String contentType, HttpRequest.BodyPublisher body, Duration timeout,
                         String... headers) throws IOException {
        HttpRequest.Builder request = request(path, timeout).header("Content-Type", contentType).POST(body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(uri(path)).timeout(timeout).header("Authorization", authorization);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw notRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private CliException notRunning() {
        return new CliException("picbed is not running here (port " + base.getPort() + "): ./picbed start first");
    }
}
