package org.picbed.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The server that Arquillian started for the tests (WildFly, or Payara in the failsafe execution "payara"), seen from
 * outside as any HTTP client sees it.
 */
public final class TestServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer() {
    }

    /** wildfly or payara: which server this test run deploys to (failsafe sets picbed.it.server). */
    public static String server() {
        return System.getProperty("picbed.it.server", "wildfly");
    }

    public static boolean payara() {
        return server().equals("payara");
    }

    /** The JMX connector where org.picbed:type=Purge is (WildFly: management remote+http; Payara: RMI on 8686). */
    public static String jmxUrl(int offset) {
        return payara() ? "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + (8686 + offset) + "/jmxrmi"
                : "service:jmx:remote+http://127.0.0.1:" + (9990 + offset);
    }

    public static URI uri(String path) {
        int offset = Integer.getInteger("picbed.it.port.offset", 0);
        return URI.create("http://127.0.0.1:" + (8080 + offset) + path);
    }

    public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), body);
    }

    /** A JSON object answer, parsed. */
    public static jakarta.json.JsonObject json(String body) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The first API key the test server accepts (PICBED_API_KEYS in it/pom.xml). */
    public static String apiKey() {
        return System.getProperty("picbed.it.api-key", "it-key");
    }

    /** The operator's credentials on the test server (PICBED_ADMIN_USER / PICBED_ADMIN_PASSWORD in it/pom.xml). */
    public static String adminUser() {
        return System.getProperty("picbed.it.admin.user", "it-admin");
    }

    public static String adminPassword() {
        return System.getProperty("picbed.it.admin.password", "it-admin-pw");
    }

    /** The operator's HTTP Basic {@code Authorization} header value. */
    public static String adminAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (adminUser() + ":" + adminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** picbed's data directory on the test server (PICBED_HOME). */
    public static java.nio.file.Path home() {
        return java.nio.file.Path.of(System.getProperty("picbed.it.home", "target/picbed-home"));
    }
}
