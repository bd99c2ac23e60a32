package org.picbed.install;

import org.junit.jupiter.api.Test;
import org.picbed.it.Await;
import org.picbed.it.ImageClient;
import org.picbed.it.Launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/install.md, followed literally: its shell blocks marked {@code # install: wildfly} / {@code # install: payara}
 * run, in order, against a freshly unpacked stock wildfly-dist and stock Payara zip (it/pom.xml unpacks them, not the
 * servers server-config prepares) with the distribution archive that {@code ./mvnw package} built, the test MariaDB
 * and a broker the steps create. Then: health, an upload, a preset and a signed variant, and the guide's JMX purge.
 * The blocks that purge run after the upload, with {@code IMAGE_ID} set.
 */
class InstallIT {

    private static final Path TARGET = Path.of(System.getProperty("picbed.it.install.dir", "target/install")).toAbsolutePath();
    private static final Path GUIDE = Path.of(System.getProperty("picbed.it.root", "..")).resolve("docs/install.md").toAbsolutePath();
    private static final Pattern BLOCK = Pattern.compile("```bash\\n# install: (\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String API_KEY = "install-key-5d1e";
    private static final String ADMIN = "picbed-admin";
    private static final String ADMIN_PASSWORD = "install-admin-4b8c1f";

    @Test
    void intoAStockWildFly() throws Exception {
        Path dist = unpackDist("wildfly");
        Path wildfly = Path.of(System.getProperty("picbed.it.stock.wildfly")).toAbsolutePath();
        Map<String, String> env = settings(dist, "wildfly");
        env.put("WILDFLY_HOME", wildfly.toString());
        env.put("PICBED_NODE_ID", "install-wf");
        env.put("PICBED_CLUSTER_HOSTS", "127.0.0.1[7600]");
        env.put("PICBED_CLUSTER_PASSWORD", "install-cluster-pw");
        try {
            installAndCheck("wildfly", env);
        } finally {
            stop(List.of(wildfly.resolve("bin/jboss-cli.sh").toString(), "--connect", "--controller=127.0.0.1:9990",
                    "--user=" + ADMIN, "--password=" + ADMIN_PASSWORD, "--command=:shutdown"), env, TARGET.resolve("wildfly-stop.log"));
            stop(List.of("pkill", "-f", wildfly.toString()), env, TARGET.resolve("wildfly-kill.log"));
        }
    }

    @Test
    void intoAStockPayaraDomainWithAnArtemisBroker() throws Exception {
        Path dist = unpackDist("payara");
        Path payara = Path.of(System.getProperty("picbed.it.stock.payara")).toAbsolutePath();
        Path broker = TARGET.resolve("payara-broker");
        Map<String, String> env = settings(dist, "payara");
        env.put("PAYARA_HOME", payara.toString());
        env.put("ARTEMIS_HOME", Path.of(System.getProperty("picbed.it.root", "..")).resolve("server-config/target/artemis").toAbsolutePath().toString());
        env.put("BROKER_DIR", broker.toString());
        env.put("PICBED_ARTEMIS_HOST", "127.0.0.1");
        env.put("PICBED_ARTEMIS_PORT", "61616");
        env.put("PICBED_ARTEMIS_USER", "picbed");
        env.put("PICBED_ARTEMIS_PASSWORD", "install-broker-pw");
        env.put("PICBED_EAGER_CONSUMERS", "2");
        env.put("PICBED_REPLICATION_CONSUMERS", "8");
        env.put("PICBED_FETCH_CONSUMERS", "4");
        env.put("PICBED_PROCESS_CONSUMERS", "2");
        env.put("PICBED_CALLBACK_CONSUMERS", "2");
        env.put("PICBED_CLUSTER_PORT", "7800");
        env.put("PICBED_CLUSTER_HOSTS", "127.0.0.1[7800]");
        try {
            installAndCheck("payara", env);
        } finally {
            stop(List.of(payara.resolve("bin/asadmin").toString(), "stop-domain", "domain1"), env, TARGET.resolve("payara-stop.log"));
            stop(List.of("pkill", "-f", broker.toString()), env, TARGET.resolve("broker-kill.log"));
        }
    }

    private void installAndCheck(String server, Map<String, String> env) throws Exception {
        List<String> steps = new ArrayList<>();
        List<String> purges = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(GUIDE));
        while (m.find()) {
            if (m.group(1).equals(server)) {
                (m.group(2).contains("PurgeClient") ? purges : steps).add(m.group(2));
            }
        }
        assertTrue(steps.size() >= 3 && !purges.isEmpty(), "install.md has the " + server + " steps and a purge");

        Launcher.Result install = bash(String.join("\n", steps), env, TARGET.resolve(server + "-install.log"), Duration.ofMinutes(10));
        assertEquals(0, install.exit(), server + " install steps failed:\n" + install.output());

        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());

        byte[] jpeg = Files.readAllBytes(Path.of("src/test/resources/corpus/bad/ok_baseline.jpg"));
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/images"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(upload.statusCode() == 201 || upload.statusCode() == 200, upload.body());
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]{64})\"").matcher(upload.body());
        assertTrue(id.find(), upload.body());
        String image = id.group(1);

        // the eager thumbnail comes from the JMS consumers: wait until it is stored
        Await.until("the eager thumb preset of " + image, Duration.ofSeconds(60),
                () -> Set.of("STORED", "HIT").contains(ImageClient.header(get("/i/" + image + "/thumb.webp"), "X-Cache")));
        HttpResponse<byte[]> signed = get(ImageClient.signed("/rs:fill:40:30/" + image + ".png"));
        assertEquals(200, signed.statusCode());
        assertEquals("image/png", ImageClient.header(signed, "Content-Type"));
        assertEquals(40, ImageClient.decode(signed.body()).getWidth());

        env.put("IMAGE_ID", image);
        Launcher.Result purge = bash(String.join("\n", purges), env, TARGET.resolve(server + "-purge.log"), Duration.ofMinutes(2));
        assertEquals(0, purge.exit(), "purge failed:\n" + purge.output());
        assertTrue(purge.output().contains("applied: local") && purge.output().contains("found=true"), purge.output());
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The settings of docs/install.md's table, for this test's server. */
    private static Map<String, String> settings(Path dist, String server) throws IOException {
        Path home = TARGET.resolve(server + "-home");
        Files.createDirectories(home);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PICBED_DIST", dist.toString());
        env.put("HOME", TARGET.resolve(server + "-user").toString());
        Files.createDirectories(TARGET.resolve(server + "-user"));
        env.put("PICBED_HOME", home.toString());
        env.put("PICBED_DB_URL", "jdbc:mariadb://127.0.0.1:" + System.getProperty("picbed.it.db.port") + "/picbed");
        env.put("PICBED_DB_USER", "picbed");
        env.put("PICBED_DB_PASSWORD", System.getProperty("picbed.it.db.password"));
        env.put("PICBED_API_KEYS", API_KEY);
        env.put("PICBED_ADMIN_USER", server.equals("payara") ? "admin" : ADMIN);
        env.put("PICBED_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PICBED_SIGNING_KEY", System.getProperty("picbed.it.signing.key"));
        env.put("PICBED_SIGNING_SALT", System.getProperty("picbed.it.signing.salt"));
        env.put("PICBED_SITE_SECRET", "7c2f0a9e4b1d3c5e7f9a1b3d5c7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e");
        env.put("PICBED_CALLBACK_SECRET", "install-callback-secret");
        return env;
    }

    private static Path unpackDist(String server) throws IOException {
        Path into = TARGET.resolve(server + "-dist");
        Files.createDirectories(into);
        Path archive = Path.of(System.getProperty("picbed.it.dist.archive")).toAbsolutePath();
        Launcher.Result untar = Launcher.exec(List.of("tar", "-xzf", archive.toString(), "-C", into.toString(),
                "--strip-components=1"), Map.of(), TARGET.resolve(server + "-untar.log"), Duration.ofMinutes(2));
        assertEquals(0, untar.exit(), untar.output());
        return into;
    }

    private static Launcher.Result bash(String script, Map<String, String> env, Path log, Duration timeout) throws IOException {
        return Launcher.exec(List.of("bash", "-euo", "pipefail", "-c", script), env, log, timeout);
    }

    /** Best effort: stopping what the steps started. */
    private static void stop(List<String> command, Map<String, String> env, Path log) {
        try {
            Launcher.exec(command, env, log, Duration.ofMinutes(2));
        } catch (IOException e) {
            // nothing more to do: the process may already be gone
        }
    }
}
