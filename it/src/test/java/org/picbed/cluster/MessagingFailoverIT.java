package org.picbed.cluster;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picbed.it.Await;
import org.picbed.it.Corpus;
import org.picbed.it.LaunchedSites;
import org.picbed.it.SiteClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site of two nodes ({@code ./picbed start --nodes 2}) whose brokers keep their journals on the site's shared volume,
 * each node also running a backup of the other's broker (Artemis shared store, colocated, scale-down). Messages
 * waiting on node 1 (eager renders of new uploads, its queue paused) are delivered by node 2 after node 1 is killed
 * with SIGKILL, without waiting for node 1 to come back, and each is applied once.
 */
class MessagingFailoverIT {

    static final int OFFSET = 1600;   // node 1: HTTP 9680, management 11590; node 2: HTTP 9690, management 11600
    static final String API_KEY = "it-ha-key";
    static final String ADMIN_PASSWORD = "it-ha-admin";
    static final LaunchedSites SITE = new LaunchedSites("ha", OFFSET, API_KEY, ADMIN_PASSWORD);
    static final SiteClient NODE1 = SITE.node(0, 1);
    static final SiteClient NODE2 = SITE.node(0, 2);
    static final Path JBOSS_HOME = Path.of(System.getProperty("picbed.it.jboss.home", "../server-config/target/wildfly")).toAbsolutePath();
    static final String EAGER_QUEUE = "jms.queue.picbed.thumbnails";
    static final int IMAGES = 8;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        SITE.startFresh("start", "--nodes", "2");
    }

    @AfterAll
    static void stop() throws IOException {
        SITE.run("stop");
    }

    @Test
    void messagesPendingOnAKilledNodeAreDeliveredByTheOtherNode() throws Exception {
        cli(9990 + OFFSET, "/subsystem=messaging-activemq/server=default/runtime-queue=" + EAGER_QUEUE + ":pause");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            ids.add(NODE1.upload(Corpus.uniqueJpeg()));
        }
        // the site's brokers share out new messages: those that went to node 2 are rendered there now; those on node 1 wait
        Thread.sleep(3000);
        long pending = messageCount(9990 + OFFSET);
        List<String> waiting = ids.stream().filter(id -> ready(id) == 0).toList();
        assertTrue(pending >= 1, "eager renders waiting on node 1: " + pending);
        assertEquals(pending, waiting.size(), "one waiting message per image not rendered yet: " + waiting);

        kill9(SITE.home().resolve("sites/local/node1/run/server.pid"));
        long start = System.nanoTime();
        Await.until("node 2 delivers node 1's pending messages", Duration.ofMinutes(3),
                () -> ids.stream().allMatch(id -> ready(id) >= 2));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("MessagingFailoverIT: %d of %d images' eager renders pending on node 1 (paused); after SIGKILL of node 1,"
                + " node 2 delivered them all (every image's eager variants ready) in %d ms%n", pending, IMAGES, millis);
        for (String id : ids) {
            JsonObject image = SiteClient.json(get(NODE2, "/api/images/" + id));
            long distinct = image.getJsonArray("variants").getValuesAs(JsonObject.class).stream()
                    .map(v -> v.getString("spec") + "/" + v.getString("format")).distinct().count();
            assertEquals(image.getJsonArray("variants").size(), distinct, "each eager variant recorded once: " + image);
        }
        assertEquals(200, NODE2.get("/i/" + ids.get(0) + "/thumb.webp").statusCode());
    }

    /** Eager variants of the image that are ready, as node 2 sees them. */
    private static long ready(String id) {
        try {
            JsonObject image = SiteClient.json(get(NODE2, "/api/images/" + id));
            return image.getJsonArray("variants").getValuesAs(JsonObject.class).stream()
                    .filter(v -> "ready".equals(v.getString("state"))).count();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static String get(SiteClient node, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri(path))
                .header("Authorization", "Bearer " + API_KEY).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private static long messageCount(int managementPort) throws Exception {
        String out = cli(managementPort, "/subsystem=messaging-activemq/server=default/runtime-queue=" + EAGER_QUEUE
                + ":read-attribute(name=message-count)");
        Matcher m = Pattern.compile("\"result\" => (\\d+)L?").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    private static String cli(int managementPort, String operation) throws Exception {
        Process cli = new ProcessBuilder(JBOSS_HOME.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + managementPort, "--user=admin", "--password=" + ADMIN_PASSWORD, operation)
                .redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes());
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS) && cli.exitValue() == 0 && out.contains("success"), out);
        return out;
    }

    private static void kill9(Path pidFile) throws Exception {
        String pid = Files.readString(pidFile).trim();
        Process kill = new ProcessBuilder("kill", "-9", pid).redirectErrorStream(true).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -9 " + pid);
    }
}
