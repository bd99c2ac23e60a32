package org.picbed.site;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.picbed.it.Await;
import org.picbed.it.Corpus;
import org.picbed.it.LaunchedSites;
import org.picbed.it.Launcher;
import org.picbed.it.Purging;
import org.picbed.it.SiteClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two complete sites on loopback, started as a user would ({@code ./picbed start --sites bj,sh}): each with its own
 * WildFly, Artemis, MariaDB and blob volume, joined by core bridges. Changes at bj reach sh through the brokers;
 * reads at sh for what has not arrived yet are served from bj; nothing is lost while sh is down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SitesIT {

    static final int OFFSET = 800;   // bj: HTTP 8880, management 10790; sh: HTTP 8980, management 10890
    static final String API_KEY = "it-sites-key";
    static final String ADMIN_PASSWORD = "it-sites-admin";
    static final LaunchedSites SITES = new LaunchedSites("sites", OFFSET, API_KEY, ADMIN_PASSWORD);
    static final Path HOME = SITES.home();
    static final Path JBOSS_HOME = Path.of(System.getProperty("picbed.it.jboss.home", "../server-config/target/wildfly")).toAbsolutePath();
    static final Duration ARRIVAL = Duration.ofSeconds(60);

    static final SiteClient BJ = SITES.site(0);
    static final SiteClient SH = SITES.site(1);

    @BeforeAll
    static void startTwoSites() throws IOException {
        SITES.startFresh("start", "--sites", "bj,sh");
    }

    @AfterAll
    static void stopTwoSites() throws IOException {
        launcher("stop");
    }

    @Test
    @Order(1)
    void anUploadAtBjIsReadableAtShByteIdentical() throws Exception {
        byte[] jpeg = Corpus.photo(640, 480);
        long start = System.nanoTime();
        String id = BJ.upload(jpeg);
        Await.until("the image replicated to sh", ARRIVAL, () -> SH.metadataStatus(id) == 200);
        System.out.printf("replicated bj -> sh in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

        HttpResponse<byte[]> atSh = SH.get("/i/" + id);
        assertEquals(200, atSh.statusCode());
        assertEquals(Corpus.sha256(jpeg), Corpus.sha256(atSh.body()), "byte-identical at sh");
        JsonObject fromBj = SH.peer("bj");
        assertTrue(fromBj.getJsonNumber("applied").longValue() >= 1, fromBj.toString());
        assertEquals(0, fromBj.getJsonNumber("read_repairs").longValue(), "arrived by replication, not by a read");
        assertEquals(200, SH.get("/i/" + id + "/thumb.webp").statusCode(), "variants are made at sh from its copy");
    }

    @Test
    @Order(1)
    void aReplicaTakesItsEagerVariantsFromTheOriginInsteadOfRenderingThem() throws Exception {
        long rendersAtSh = counter(SH.metrics(), "picbed_variant_renders_total");
        String id = BJ.upload(Corpus.photo(1200, 800));
        Await.until("the eager variants ready at sh", ARRIVAL, () -> SH.metadataStatus(id) == 200
                && SH.metadata(id).getJsonArray("variants").stream().map(JsonObject.class::cast)
                        .filter(v -> "ready".equals(v.getString("state"))).count() >= 2);
        assertEquals(rendersAtSh, counter(SH.metrics(), "picbed_variant_renders_total"),
                "sh rendered nothing: it took bj's renders");
        for (String preset : List.of("thumb", "small")) {
            HttpResponse<byte[]> atSh = SH.get("/i/" + id + "/" + preset + ".jpg");
            assertEquals("STORED", atSh.headers().firstValue("X-Cache").orElse(""), preset);
            assertArrayEquals(BJ.get("/i/" + id + "/" + preset + ".jpg").body(), atSh.body(), preset + ": bj's bytes");
        }
    }

    private static long counter(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToLong(l -> (long) Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    @Test
    @Order(2)
    void aReadAtShBeforeReplicationIsServedFromBj() throws Exception {
        JsonObject before = SH.peer("bj");
        pauseReplicationAtSh(true);
        try {
            byte[] original = Corpus.photo(500, 400);
            byte[] other = Corpus.photo(800, 600);
            String id = BJ.upload(original);
            String variantOnly = BJ.upload(other);
            assertEquals(404, SH.metadataStatus(id), "replication is held at sh");

            HttpResponse<byte[]> atSh = SH.get("/i/" + id + ".jpg");
            assertEquals(200, atSh.statusCode(), "the visitor sees the image, not a 404");
            assertEquals(Corpus.sha256(original), Corpus.sha256(atSh.body()));
            assertEquals(200, SH.metadataStatus(id), "read repair stored the copy and its metadata at sh");

            HttpResponse<byte[]> variant = SH.get("/i/" + variantOnly + "/small.jpg");
            assertEquals(200, variant.statusCode(), "a variant of an image sh does not have yet");
            assertEquals(320, org.picbed.it.ImageClient.decode(variant.body()).getWidth());
            assertEquals(2, SH.peer("bj").getJsonNumber("read_repairs").longValue());

            String unknown = "0".repeat(63) + "1";
            assertEquals(404, SH.get("/i/" + unknown).statusCode(), "an id no site has");
            assertEquals(404, SH.get("/i/" + unknown).statusCode(), "answered from the negative cache");
        } finally {
            pauseReplicationAtSh(false);
        }
        Await.until("the held messages applied at sh", ARRIVAL,
                () -> SH.peer("bj").getJsonNumber("applied").longValue() >= before.getJsonNumber("applied").longValue() + 2);
        assertEquals(before.getJsonNumber("failures").longValue(), SH.peer("bj").getJsonNumber("failures").longValue(),
                "a message for an image already repaired is applied as a no-op");
    }

    @Test
    @Order(3)
    void nothingIsLostWhileShIsDown() throws Exception {
        launcher("stop", "--site", "sh");
        int count = 200;
        List<String> ids = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] jpeg = Corpus.uniqueJpeg();
            String id = BJ.upload(jpeg);
            ids.add(id);
            hashes.put(id, Corpus.sha256(jpeg));
        }
        JsonObject waiting = BJ.peer("sh");
        assertEquals(count, waiting.getJsonNumber("pending").longValue(), "held at bj for sh: " + waiting);
        Await.until("bj sees sh unreachable", Duration.ofSeconds(30), () -> !BJ.peer("sh").getBoolean("reachable"));
        String health = BJ.health().body();
        assertTrue(health.contains("\"status\":\"DEGRADED\""), "a peer down degrades, it does not take bj down: " + health);
        assertEquals(200, BJ.health().statusCode());

        launcher("start", "--site", "sh");
        Await.until("all " + count + " images at sh", Duration.ofMinutes(3), () -> {
            for (String id : ids) {
                if (SH.metadataStatus(id) != 200) {
                    return false;
                }
            }
            return true;
        });
        for (String id : ids) {
            HttpResponse<byte[]> copy = SH.get("/i/" + id);
            assertEquals(hashes.get(id), Corpus.sha256(copy.body()), id);
        }
        JsonObject fromBj = SH.peer("bj");
        System.out.println("outage test: sent " + count + ", sh applied " + fromBj.getJsonNumber("applied")
                + ", read repairs " + fromBj.getJsonNumber("read_repairs") + ", dead-lettered " + fromBj.getJsonNumber("dead_lettered"));
        assertEquals(count, fromBj.getJsonNumber("applied").longValue(), "every message applied once (sh restarted: counters from 0)");
        assertEquals(0, fromBj.getJsonNumber("read_repairs").longValue());
        assertEquals(0, fromBj.getJsonNumber("dead_lettered").longValue());
        assertTrue(SH.metrics().contains("picbed_queue_messages{queue=\"picbed.replication.dlq\"} 0.0"));
        Await.until("bj's backlog for sh drained", ARRIVAL, () -> BJ.peer("sh").getJsonNumber("pending").longValue() == 0);
    }

    @Test
    @Order(4)
    void aDeleteAtBjReachesShAndIsNeverFetchedBack() throws Exception {
        byte[] jpeg = Corpus.photo(400, 300);
        String id = BJ.upload(jpeg);
        Await.until("replicated", ARRIVAL, () -> SH.metadataStatus(id) == 200);
        assertEquals(200, SH.get("/i/" + id + "/thumb.jpg").statusCode());
        long repairs = SH.peer("bj").getJsonNumber("read_repairs").longValue();

        assertEquals(204, BJ.delete(id));
        Await.until("deleted at sh", ARRIVAL, () -> SH.metadataStatus(id) == 404);
        assertEquals(404, SH.get("/i/" + id).statusCode(), "tombstoned: not fetched back from bj");
        assertEquals(404, SH.get("/i/" + id + "/thumb.jpg").statusCode(), "its variants went with it");
        assertEquals(repairs, SH.peer("bj").getJsonNumber("read_repairs").longValue());
        try (var files = Files.walk(HOME.resolve("sites/sh"))) {
            assertTrue(files.noneMatch(f -> f.toString().contains(id)), "no file of the image left at sh");
        }
    }

    @Test
    @Order(5)
    void aPurgeAtBjIsAppliedAtShAndAcknowledged() throws Exception {
        String id = BJ.upload(Corpus.photo(400, 300));
        Await.until("replicated", ARRIVAL, () -> SH.metadataStatus(id) == 200);
        String small = "/i/" + id + "/small.jpg";
        for (int i = 0; i < 3; i++) {
            BJ.get(small);
            SH.get(small);
        }
        assertEquals("HIT", org.picbed.it.ImageClient.header(SH.get(small), "X-Cache"));
        assertEquals("HIT", org.picbed.it.ImageClient.header(BJ.get(small), "X-Cache"));

        Launcher.Result purge = Purging.purge(HOME, OFFSET, Map.of("PICBED_ADMIN_PASSWORD", ADMIN_PASSWORD), "--site", "bj", id);
        String purgeId = Purging.purgeId(purge);
        assertTrue(purge.output().contains("applied: sh "), "the CLI saw sh's acknowledgement:\n" + purge.output());
        assertNotEquals("HIT", org.picbed.it.ImageClient.header(BJ.get(small), "X-Cache"));
        assertNotEquals("HIT", org.picbed.it.ImageClient.header(SH.get(small), "X-Cache"), "gone from sh's cache too");

        JsonObject record = BJ.admin("/api/purges/" + purgeId);
        List<String> sites = record.getJsonArray("applied").getValuesAs(JsonObject.class).stream().map(a -> a.getString("site")).sorted().toList();
        assertEquals(List.of("bj", "sh"), sites, record.toString());
        assertEquals("bj", SH.admin("/api/purges/" + purgeId).getString("origin_site"), "sh keeps the record too");
    }

    @Test
    @Order(6)
    void aMessageForAnImageBjLostEndsInTheDeadLetterQueueWithoutBlockingOthers() throws Exception {
        pauseReplicationAtSh(true);
        String lost;
        String next;
        try {
            lost = BJ.upload(Corpus.uniqueJpeg());
            Path blob = HOME.resolve("sites/bj/blobs").resolve(lost.substring(0, 2)).resolve(lost.substring(2, 4)).resolve(lost);
            assertTrue(Files.deleteIfExists(blob), "bj's copy removed behind picbed's back: " + blob);
            next = BJ.upload(Corpus.uniqueJpeg());
        } finally {
            pauseReplicationAtSh(false);
        }
        Await.until("the next image arrived", ARRIVAL, () -> SH.metadataStatus(next) == 200);
        Await.until("the lost one dead-lettered at sh", ARRIVAL, () -> SH.peer("bj").getJsonNumber("dead_lettered").longValue() == 1);
        assertEquals(404, SH.metadataStatus(lost));
        JsonObject fromBj = SH.peer("bj");
        assertTrue(fromBj.getString("last_failure_reason").contains("does not have"), fromBj.toString());
        assertTrue(SH.health().body().contains("\"status\":\"DEGRADED\""), "dead letters are visible in the health report");
    }

    private static void pauseReplicationAtSh(boolean pause) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(JBOSS_HOME.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + OFFSET + 100), "--user=admin", "--password=" + ADMIN_PASSWORD,
                "/subsystem=messaging-activemq/server=default/runtime-queue=jms.queue.picbed.replication:" + (pause ? "pause" : "resume"))
                .redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes());
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS) && cli.exitValue() == 0 && out.contains("success"), out);
    }

    static void launcher(String... command) throws IOException {
        SITES.run(command);
    }
}
