package org.picbed.storage;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.picbed.it.Await;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.LaunchedSites;
import org.picbed.it.Launcher;
import org.picbed.it.SiteClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two sites with different storage, started as a user would ({@code ./picbed start --sites bj,sh --storage bj=s3}):
 * bj keeps its images in an S3 bucket on a real S3-protocol server (Adobe S3Mock, run by the launcher), sh on its
 * volume. The bucket is inspected with the AWS SDK: objects under their content address, variants next to them,
 * nothing left after a delete. Replication goes both ways across the backends; an object store outage answers 503
 * and recovers without a restart; a corrupt copy on either backend is never served again once found and is repaired
 * from the other site.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObjectStorageIT {

    static final int OFFSET = 1200;   // bj: HTTP 9280, S3 15200; sh: HTTP 9380
    static final String API_KEY = "it-storage-key";
    static final String ADMIN_PASSWORD = "it-storage-admin";
    static final LaunchedSites SITES = new LaunchedSites("storage", OFFSET, API_KEY, ADMIN_PASSWORD);
    static final Path HOME = SITES.home();
    static final Duration ARRIVAL = Duration.ofSeconds(60);
    static final String BUCKET = "picbed";

    static final SiteClient BJ = SITES.site(0);
    static final SiteClient SH = SITES.site(1);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static S3Client bucket;

    @BeforeAll
    static void startTwoSites() throws IOException {
        Launcher.Result started = SITES.startFresh("start", "--sites", "bj,sh", "--storage", "bj=s3");
        assertTrue(started.output().contains("S3 bucket picbed at http://127.0.0.1:" + (14000 + OFFSET)), started.output());
        System.setProperty("aws.disableEc2Metadata", "true");
        bucket = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + (14000 + OFFSET)))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void stopTwoSites() throws IOException {
        if (bucket != null) {
            bucket.close();
        }
        launcher("stop");
    }

    @Test
    @Order(1)
    void anUploadAtBjIsAnObjectUnderItsContentAddressWithItsVariantsAndDedupMakesNoSecondObject() throws Exception {
        assertTrue(BJ.health().body().contains("\"backend\":\"s3\""), BJ.health().body());
        assertTrue(SH.health().body().contains("\"backend\":\"file\""), SH.health().body());
        byte[] jpeg = Corpus.photo(800, 600);
        String id = BJ.upload(jpeg);
        assertEquals(Corpus.sha256(jpeg), id);
        assertArrayEquals(jpeg, object("blobs/" + id), "the bucket holds the bytes under their content address");

        HttpResponse<byte[]> original = BJ.get("/i/" + id + ".jpg");
        assertEquals(200, original.statusCode());
        assertArrayEquals(jpeg, original.body());
        HttpResponse<byte[]> range = HTTP.send(HttpRequest.newBuilder(BJ.uri("/i/" + id + ".jpg")).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(jpeg, 100, 200), range.body(), "a ranged GET of the object");

        HttpResponse<byte[]> thumb = BJ.get("/i/" + id + "/small.webp");
        assertEquals(200, thumb.statusCode());
        assertEquals(320, ImageClient.decode(thumb.body()).getWidth());
        Await.until("the variant stored in the bucket", Duration.ofSeconds(10), () -> !keys("variants/" + id + "/").isEmpty());

        int objects = keys("blobs/").size();
        assertEquals(id, BJ.upload(jpeg), "the same bytes again");
        assertEquals(objects, keys("blobs/").size(), "no second object for the same bytes");
        assertEquals(List.of(), keys("blobs/").stream().filter(k -> !k.matches("blobs/[0-9a-f]{64}")).toList());
    }

    @Test
    @Order(2)
    void imagesReplicateBothWaysBetweenTheBucketAndTheVolume() throws Exception {
        byte[] fromBj = Corpus.photo(640, 480);
        String atBj = BJ.upload(fromBj);
        Await.until("bj -> sh", ARRIVAL, () -> SH.metadataStatus(atBj) == 200);
        assertArrayEquals(fromBj, SH.get("/i/" + atBj).body());
        assertTrue(Files.exists(shBlob(atBj)), "on sh's volume");

        byte[] fromSh = Corpus.photo(500, 400);
        String atSh = SH.upload(fromSh);
        Await.until("sh -> bj", ARRIVAL, () -> BJ.metadataStatus(atSh) == 200);
        assertArrayEquals(fromSh, object("blobs/" + atSh), "in bj's bucket");
        assertArrayEquals(fromSh, BJ.get("/i/" + atSh).body());
    }

    @Test
    @Order(3)
    void aDeleteAtBjRemovesTheObjectAndItsVariantsEverywhere() throws Exception {
        byte[] jpeg = Corpus.photo(420, 300);
        String id = BJ.upload(jpeg);
        assertEquals(200, BJ.get("/i/" + id + "/small.jpg").statusCode());
        Await.until("replicated", ARRIVAL, () -> SH.metadataStatus(id) == 200);
        Await.until("the variant in the bucket", Duration.ofSeconds(10), () -> !keys("variants/" + id + "/").isEmpty());

        assertEquals(204, BJ.delete(id));
        assertThrows(NoSuchKeyException.class, () -> object("blobs/" + id));
        assertEquals(List.of(), keys("variants/" + id + "/"), "the variants went with it");
        assertEquals(404, BJ.get("/i/" + id).statusCode());
        Await.until("deleted at sh", ARRIVAL, () -> SH.get("/i/" + id).statusCode() == 404);
    }

    @Test
    @Order(4)
    void theObjectStoreDownMeans503AndHealthDownWhileHotImagesAreServedAndItRecoversWithoutARestart() throws Exception {
        byte[] jpeg = Corpus.photo(600, 400);
        String id = BJ.upload(jpeg);
        String thumb = "/i/" + id + "/small.jpg";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, BJ.get(thumb).statusCode());
        }
        assertEquals("HIT", ImageClient.header(BJ.get(thumb), "X-Cache"));

        launcher("s3", "stop", "--site", "bj");
        try {
            HttpResponse<String> refused = uploadAtBj(Corpus.uniqueJpeg());
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));
            assertTrue(refused.body().contains("\"code\":\"storage_unavailable\""), refused.body());
            assertFalse(refused.body().contains("127.0.0.1"), "no addresses to clients: " + refused.body());
            HttpResponse<String> health = BJ.health();
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("\"storage\":\"DOWN\"") && health.body().contains("object_store_unreachable"), health.body());

            HttpResponse<byte[]> hot = BJ.get(thumb);
            assertEquals(200, hot.statusCode(), "a hot image is served while the store is down");
            assertEquals("HIT", ImageClient.header(hot, "X-Cache"));
        } finally {
            launcher("s3", "start", "--site", "bj");
        }
        Await.until("health UP again", Duration.ofSeconds(30), () -> BJ.health().statusCode() == 200);
        byte[] after = Corpus.uniqueJpeg();
        HttpResponse<String> accepted = uploadAtBj(after);
        assertEquals(201, accepted.statusCode(), accepted.body());
        String afterId = Corpus.sha256(after);
        assertArrayEquals(after, object("blobs/" + afterId), "stored once the store is back, no restart");
        assertArrayEquals(jpeg, BJ.get("/i/" + id).body());
    }

    @Test
    @Order(5)
    void aCorruptObjectAtBjIsNeverServedOnceFoundAndIsRepairedFromSh() throws Exception {
        byte[] jpeg = Corpus.photo(700, 500);
        String id = BJ.upload(jpeg);
        Await.until("replicated", ARRIVAL, () -> SH.metadataStatus(id) == 200);
        byte[] rotten = jpeg.clone();
        rotten[rotten.length / 2] ^= 0x40;
        bucket.putObject(b -> b.bucket(BUCKET).key("blobs/" + id), RequestBody.fromBytes(rotten));   // bit rot behind picbed's back

        JsonObject storage = scrub(BJ);
        assertTrue(storage.getJsonObject("scrub").getInt("last_pass_blobs") >= 1, storage.toString());
        JsonObject found = corruption(storage, id);
        assertEquals("scrub", found.getString("where"));
        assertTrue(found.getBoolean("repaired"), storage.toString());
        assertArrayEquals(jpeg, object("blobs/" + id), "sh's good copy is in the bucket again");
        assertTrue(keys("quarantine/").stream().anyMatch(k -> k.startsWith("quarantine/" + id + "-")), "the bad copy is kept aside");
        HttpResponse<byte[]> served = BJ.get("/i/" + id + ".jpg");
        assertEquals(200, served.statusCode());
        assertArrayEquals(jpeg, served.body());
        assertTrue(BJ.metrics().contains("picbed_storage_corruptions_repaired_total 1.0"), "counted");
    }

    @Test
    @Order(6)
    void aCorruptFileAtShIsCaughtBeforeARenderAndBeforeServingTheOriginalAndRepairedFromBj() throws Exception {
        byte[] forRender = Corpus.photo(900, 600);
        byte[] forOriginal = Corpus.photo(640, 360);
        String renderId = BJ.upload(forRender);
        String originalId = BJ.upload(forOriginal);
        Await.until("replicated", ARRIVAL, () -> SH.metadataStatus(renderId) == 200 && SH.metadataStatus(originalId) == 200);
        // sh renders the replicas' eager presets itself: let that finish first, or it meets the flipped bytes first
        Await.until("sh's eager renders done", ARRIVAL, () -> eagerDoneAtSh(renderId) && eagerDoneAtSh(originalId));
        flipByte(shBlob(renderId));
        flipByte(shBlob(originalId));

        HttpResponse<byte[]> variant = SH.get("/i/" + renderId + "/medium.jpg");
        assertEquals(200, variant.statusCode(), "rendered from bj's good copy");
        HttpResponse<byte[]> original = SH.get("/i/" + originalId + ".jpg");
        assertEquals(200, original.statusCode());
        assertArrayEquals(forOriginal, original.body(), "never the flipped bytes");
        assertArrayEquals(forRender, Files.readAllBytes(shBlob(renderId)), "repaired on sh's volume");
        assertArrayEquals(forOriginal, Files.readAllBytes(shBlob(originalId)));

        JsonObject storage = SH.admin("/api/admin/storage");
        assertEquals("render", corruption(storage, renderId).getString("where"));
        assertEquals("original", corruption(storage, originalId).getString("where"));
        assertTrue(corruption(storage, originalId).getBoolean("repaired"));
        assertEquals(0, storage.getJsonObject("corruptions").getInt("unrepaired"));
        try (var quarantined = Files.list(HOME.resolve("sites/sh/blobs/quarantine"))) {
            assertEquals(2, quarantined.count());
        }
    }

    private static boolean eagerDoneAtSh(String id) throws Exception {
        var variants = SH.metadata(id).getJsonArray("variants");
        return !variants.isEmpty() && variants.stream().noneMatch(v -> "pending".equals(v.asJsonObject().getString("state")));
    }

    @Test
    @Order(7)
    void aRestartOfBjKeepsEverythingInTheBucket() throws Exception {
        byte[] jpeg = Corpus.photo(300, 200);
        String id = BJ.upload(jpeg);
        launcher("stop", "--site", "bj");
        Launcher.Result started = launcher("start", "--site", "bj");
        assertTrue(started.output().contains("S3 bucket picbed"), started.output());
        assertArrayEquals(jpeg, BJ.get("/i/" + id).body());
        assertEquals(200, BJ.get("/i/" + id + "/small.webp").statusCode());
        assertNotEquals(0, keys("blobs/").size());
    }

    private static HttpResponse<String> uploadAtBj(byte[] jpeg) throws IOException, InterruptedException {
        org.picbed.client.Multipart body = new org.picbed.client.Multipart().file("file", "s3.jpg", "image/jpeg", jpeg);
        return HTTP.send(HttpRequest.newBuilder(BJ.uri("/api/images")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", body.contentType())
                .POST(body.body()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject scrub(SiteClient site) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(site.uri("/api/admin/storage/scrub"))
                .timeout(Duration.ofSeconds(90)).header("Authorization", basicAdmin())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return SiteClient.json(response.body());
    }

    private static JsonObject corruption(JsonObject storage, String id) {
        return storage.getJsonObject("corruptions").getJsonArray("recent").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no corruption of " + id + " reported: " + storage));
    }

    private static String basicAdmin() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
    }

    private static byte[] object(String key) {
        return bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }

    private static List<String> keys(String prefix) {
        return bucket.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private static Path shBlob(String id) {
        return HOME.resolve("sites/sh/blobs").resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
    }

    private static void flipByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    static Launcher.Result launcher(String... command) throws IOException {
        return SITES.run(command);
    }
}
