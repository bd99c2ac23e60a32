package org.picbed.it;

import org.picbed.client.Multipart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Test helpers for images over HTTP: upload, decode, frame counts, and imgproxy-style URL signing. */
public final class ImageClient {

    private ImageClient() {
    }

    /** Uploads the bytes with the test API key; returns the image id. */
    public static String upload(String filename, String contentType, byte[] bytes) throws IOException, InterruptedException {
        Multipart body = new Multipart().file("file", filename, contentType, bytes);
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + TestServer.apiKey())
                .header("Content-Type", body.contentType())
                .POST(body.body()), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError("upload of " + filename + " failed: " + response.statusCode() + " " + response.body());
        }
        return TestServer.json(response.body()).getJsonArray("images").getJsonObject(0).getString("id");
    }

    /** Requests a variant until it is admitted to the hot cache, and checks the next answer is a hit. */
    public static void makeHot(String path) throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            get(path);
        }
        String cache = header(get(path), "X-Cache");
        if (!"HIT".equals(cache)) {
            throw new AssertionError(path + " is not hot after 4 requests: X-Cache " + cache);
        }
    }

    private static final java.net.http.HttpClient HTTP_1_1 = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(5)).build();

    /**
     * A GET over HTTP/1.1, as proxies and CDNs fetch from picbed (java.net.http otherwise tries h2c, whose streams
     * Payara's hot path leaves to the servlets).
     */
    public static HttpResponse<byte[]> getHttp11(String path) throws IOException, InterruptedException {
        return HTTP_1_1.send(HttpRequest.newBuilder(TestServer.uri(path)).timeout(java.time.Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<byte[]> getHttp11WithHeader(String path, String name, String value)
            throws IOException, InterruptedException {
        return HTTP_1_1.send(HttpRequest.newBuilder(TestServer.uri(path)).header(name, value)
                .timeout(java.time.Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestServer.uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return TestServer.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A HEAD request: the hot paths in front of the servlet container answer GETs only, so this is how a test
     * reaches the servlet's own answer for a hot variant.
     */
    public static HttpResponse<byte[]> head(String path) throws IOException, InterruptedException {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new AssertionError("no ImageIO reader decodes these " + bytes.length + " bytes");
        }
        return image;
    }

    public static int frames(byte[] gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getNumImages(true);
            } finally {
                reader.dispose();
            }
        }
    }

    /** {@code /v/<signature><path>} signed like imgproxy: HMAC-SHA256(key, salt + path), base64url without padding. */
    public static String signed(String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(System.getProperty("picbed.it.signing.key")), "HmacSHA256"));
            mac.update(HexFormat.of().parseHex(System.getProperty("picbed.it.signing.salt")));
            byte[] digest = mac.doFinal(path.getBytes(StandardCharsets.UTF_8));
            return "/v/" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + path;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
