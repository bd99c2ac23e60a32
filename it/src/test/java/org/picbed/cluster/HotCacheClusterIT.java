package org.picbed.cluster;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Await;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.Launcher;
import org.picbed.it.Purging;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Two clustered nodes of one site: the Arquillian server and a second node started with {@code ./picbed} on the
 * same database and blob volume. A variant made hot on node 1 is served from memory (the replicated Infinispan
 * cache) on node 2 without touching its disk or renderer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HotCacheClusterIT {

    static final int SECOND_OFFSET = 500;
    private static final Path HOME = Path.of(System.getProperty("picbed.it.launcher.dir", "target/launcher"))
            .toAbsolutePath().resolve("node2");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void aVariantHotOnNodeOneIsServedFromMemoryOnNodeTwoAndOnePurgeDropsItFromBoth() throws Exception {
        String started = launcher("start");
        Await.until("node 2 joined the hot cache", Duration.ofSeconds(90),
                () -> node2("/api/health").body().contains("\"members\":2"));

        String id = ImageClient.upload("cluster.jpg", "image/jpeg", Corpus.photo(480, 360));
        String url = ImageClient.signed("/rs:fit:120:120/" + id + ".jpg");
        assertEquals("RENDERED", ImageClient.header(ImageClient.get(url), "X-Cache"));
        HttpResponse<byte[]> second = ImageClient.get(url);
        assertEquals("STORED", ImageClient.header(second, "X-Cache"), "served twice: admitted to the hot cache");

        HttpResponse<byte[]> onNodeTwo = HTTP.send(HttpRequest.newBuilder(node2Uri(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, onNodeTwo.statusCode(), started);
        assertEquals("HIT", ImageClient.header(onNodeTwo, "X-Cache"), "node 2 answers from the replicated cache");
        assertArrayEquals(second.body(), onNodeTwo.body());
        assertEquals(ImageClient.header(second, "ETag"), ImageClient.header(onNodeTwo, "ETag"));

        // one purge on node 1 (JMX, management credentials) drops it from both nodes' memory
        long node1Before = hotEntries(TestServer.uri("/api/metrics"));
        long node2Before = hotEntries(node2Uri("/api/metrics"));
        Launcher.Result purge = Purging.jmx(Integer.getInteger("picbed.it.port.offset", 300),
                System.getProperty("picbed.it.admin.user"), System.getProperty("picbed.it.admin.password"), "image", id);
        assertEquals(0, purge.exit(), purge.output());
        assertEquals(node1Before - 1, hotEntries(TestServer.uri("/api/metrics")), "gone from node 1");
        assertEquals(node2Before - 1, hotEntries(node2Uri("/api/metrics")), "gone from node 2 as well");
        HttpResponse<byte[]> afterPurge = HTTP.send(HttpRequest.newBuilder(node2Uri(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("RENDERED", ImageClient.header(afterPurge, "X-Cache"), "neither in memory nor stored on node 2");
    }

    private static long hotEntries(URI metrics) throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith("picbed_hot_cache_entries ")).mapToLong(l -> (long) Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no picbed_hot_cache_entries in\n" + text));
    }

    @AfterAll
    static void stopSecondNode() throws Exception {
        launcher("stop");
    }

    private static HttpResponse<String> node2(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(node2Uri(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI node2Uri(String path) {
        return URI.create("http://127.0.0.1:" + (8080 + SECOND_OFFSET) + path);
    }

    /** Runs {@code ./picbed <command>} for node 2 with the test server's database, blob volume, keys and cluster. */
    private static String launcher(String command) throws IOException {
        Launcher.Result result = Launcher.run(HOME, SECOND_OFFSET, command, Map.of(
                "PICBED_STORAGE_DIR", TestServer.home().resolve("blobs").toString(),
                "PICBED_DB_URL", "jdbc:mariadb://127.0.0.1:" + System.getProperty("picbed.it.db.port") + "/picbed",
                "PICBED_DB_USER", "picbed",
                "PICBED_DB_PASSWORD", System.getProperty("picbed.it.db.password"),
                "PICBED_API_KEYS", TestServer.apiKey(),
                "PICBED_CLUSTER_HOSTS", System.getProperty("picbed.it.cluster.hosts"),
                "PICBED_CLUSTER_PASSWORD", System.getProperty("picbed.it.cluster.password"),
                "PICBED_SIGNING_KEY", System.getProperty("picbed.it.signing.key"),
                "PICBED_SIGNING_SALT", System.getProperty("picbed.it.signing.salt"),
                "PICBED_NODE_NAME", "picbed-it-node2"));
        assertEquals(0, result.exit(), result.output());
        return result.output();
    }
}
