package org.picbed.purge;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.Launcher;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.Purging;
import org.picbed.it.SiteClient;
import org.picbed.it.TestServer;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Purges through the {@code org.picbed:type=Purge} MBean on the server's JMX connector (WildFly: management; Payara:
 * its RMI connector, both with the admin credentials), called as an
 * operator does ({@code ./picbed purge}): hot and stored variants go, the original stays, the purge is recorded
 * with its site's acknowledgement; without the management credentials JMX refuses and nothing is purged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PurgeIT {

    static final int OFFSET = Integer.getInteger("picbed.it.port.offset", 300);
    static final String ADMIN = System.getProperty("picbed.it.admin.user", "it-admin");
    static final String PASSWORD = System.getProperty("picbed.it.admin.password", "it-admin-pw");
    static final Path HOME = Path.of(System.getProperty("picbed.it.launcher.dir", "target/launcher")).toAbsolutePath().resolve("purge");
    static final Map<String, String> ENV = Map.of("PICBED_ADMIN_USER", ADMIN, "PICBED_ADMIN_PASSWORD", PASSWORD, "PICBED_PURGE_WAIT", "10",
            "PICBED_SERVER", TestServer.server());
    static final SiteClient SERVER = new SiteClient(8080 + OFFSET, TestServer.apiKey(), ADMIN, PASSWORD);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void purgingAnImageDropsItsHotAndStoredVariantsAndKeepsTheOriginal() throws Exception {
        String id = ImageClient.upload("purge.jpg", "image/jpeg", Corpus.photo(640, 480));
        String small = "/i/" + id + "/small.jpg";
        ImageClient.makeHot(small);

        String purgeId = Purging.purgeId(Purging.purge(HOME, OFFSET, ENV, id));
        assertEquals("RENDERED", ImageClient.header(ImageClient.get(small), "X-Cache"), "neither hot nor stored any more");
        assertEquals(200, ImageClient.get("/i/" + id).statusCode(), "the original is not touched");

        JsonObject purge = SERVER.admin("/api/purges/" + purgeId);
        assertEquals(id, purge.getString("image"));
        assertEquals("jmx:" + ADMIN, purge.getString("requested_by"), "audited with the authenticated JMX user: " + purge);
        JsonObject applied = purge.getJsonArray("applied").getJsonObject(0);
        assertEquals("local", applied.getString("site"));
        assertTrue(applied.getBoolean("found"));
        assertEquals(1, applied.getInt("hot_evicted"), purge.toString());
        assertTrue(applied.getInt("variants_removed") >= 1, purge.toString());
    }

    @Test
    void purgingOneVariantLeavesTheOthers() throws Exception {
        String id = ImageClient.upload("purge-variant.jpg", "image/jpeg", Corpus.photo(640, 480));
        String small = "/i/" + id + "/small.jpg";
        String medium = "/i/" + id + "/medium.jpg";
        ImageClient.makeHot(small);
        ImageClient.makeHot(medium);

        Purging.purgeId(Purging.purge(HOME, OFFSET, ENV, id, "small"));
        assertEquals("RENDERED", ImageClient.header(ImageClient.get(small), "X-Cache"));
        assertEquals("HIT", ImageClient.header(ImageClient.get(medium), "X-Cache"), "another preset stays hot");
    }

    @Test
    void purgingAnUnknownImageIsANoOpThatSaysSo() throws Exception {
        String unknown = "ab".repeat(32);
        String purgeId = Purging.purgeId(Purging.purge(HOME, OFFSET, ENV, unknown));
        JsonObject applied = SERVER.admin("/api/purges/" + purgeId).getJsonArray("applied").getJsonObject(0);
        assertFalse(applied.getBoolean("found"));
        assertNotEquals(0, Purging.purge(HOME, OFFSET, ENV, "not-an-id").exit(), "a malformed id is refused");
    }

    @Test
    void purgingEverythingEmptiesTheHotCacheAndTheStoredVariants() throws Exception {
        String id = ImageClient.upload("purge-all.jpg", "image/jpeg", Corpus.photo(640, 480));
        String medium = "/i/" + id + "/medium.jpg";
        ImageClient.makeHot(medium);

        String purgeId = Purging.purgeId(Purging.purge(HOME, OFFSET, ENV, "--all"));
        assertTrue(SERVER.metrics().contains("\npicbed_hot_cache_entries 0.0\n"), "the hot cache is empty");
        assertEquals("RENDERED", ImageClient.header(ImageClient.get(medium), "X-Cache"), "stored variants are gone too");
        assertEquals("all", SERVER.admin("/api/purges/" + purgeId).getString("scope"));
    }

    @Test
    void jmxWithoutTheManagementCredentialsIsRefused() throws Exception {
        String id = ImageClient.upload("purge-refused.jpg", "image/jpeg", Corpus.photo(320, 240));
        String thumb = "/i/" + id + "/thumb.jpg";
        ImageClient.makeHot(thumb);

        Launcher.Result anonymous = Purging.jmx(OFFSET, "", "", "image", id);
        assertEquals(1, anonymous.exit(), anonymous.output());
        // WildFly says so; Payara's connector refuses the anonymous login with an exception it cannot serialize
        assertTrue(anonymous.output().contains(TestServer.payara() ? "JMX connection failed" : "Authentication failed"), anonymous.output());
        Launcher.Result wrong = Purging.jmx(OFFSET, ADMIN, "wrong", "image", id);
        assertEquals(1, wrong.exit(), wrong.output());
        assertEquals("HIT", ImageClient.header(ImageClient.get(thumb), "X-Cache"), "nothing was purged");

        Launcher.Result right = Purging.jmx(OFFSET, ADMIN, PASSWORD, "image", id);
        assertEquals(0, right.exit(), right.output());
        assertNotEquals("HIT", ImageClient.header(ImageClient.get(thumb), "X-Cache"));
    }
}
