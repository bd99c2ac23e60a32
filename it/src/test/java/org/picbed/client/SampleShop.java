package org.picbed.client;

import org.picbed.it.Await;
import org.picbed.it.TestServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample shop (it/sample-shop: a WAR that is not picbed, using picbed-client and picbed-taglib only) on an
 * embedded Apache Tomcat in a process of its own, pointed at the picbed under test through the environment, as a
 * shop would configure it. Its log goes to target/sample-shop.log.
 */
final class SampleShop implements AutoCloseable {

    static final Path DIR = Path.of(System.getProperty("picbed.it.sample-shop.dir", "sample-shop/target"));

    private final Process process;
    private final URI uri;

    private SampleShop(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static SampleShop start(int port) throws IOException {
        String classpath = Files.readString(DIR.resolve("tomcat.classpath")).strip() + java.io.File.pathSeparator
                + DIR.resolve("classes");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, "org.picbed.sample.server.SampleShopServer",
                DIR.resolve("sample-shop.war").toString(), Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "sample-shop.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PICBED_"));
        builder.environment().put("PICBED_URL", TestServer.uri("").toString());
        builder.environment().put("PICBED_API_KEY", TestServer.apiKey());
        builder.environment().put("PICBED_SIGNING_KEY", System.getProperty("picbed.it.signing.key"));
        builder.environment().put("PICBED_SIGNING_SALT", System.getProperty("picbed.it.signing.salt"));
        SampleShop shop = new SampleShop(builder.start(), URI.create("http://127.0.0.1:" + port + "/"));
        HttpClient http = HttpClient.newHttpClient();
        Await.until("the sample shop answers on " + shop.uri, Duration.ofSeconds(60), () -> {
            if (!shop.process.isAlive()) {
                throw new IllegalStateException("the sample shop exited: see target/sample-shop.log");
            }
            try {
                return http.send(HttpRequest.newBuilder(shop.uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return shop;
    }

    URI uri() {
        return uri;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
