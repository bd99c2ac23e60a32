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
import org.picbed.it.SiteClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two sites whose links are encrypted ({@code ./picbed start --sites bj,sh --tls}): the launcher makes one site CA and
 * a certificate per site; bridges (Artemis over the https listener) and blob pulls go to {@code https://} peers and
 * trust only that CA. A site that presents a certificate from elsewhere is refused: nothing is sent to it, and the
 * other site says why in its admin JSON and health; with its proper certificate back, what waited is delivered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SitesTlsIT {

    static final int OFFSET = 1400;   // bj: HTTP 9480, HTTPS 9843; sh: HTTP 9580, HTTPS 9943
    static final String API_KEY = "it-tls-key";
    static final String ADMIN_PASSWORD = "it-tls-admin";
    static final LaunchedSites SITES = new LaunchedSites("tls", OFFSET, API_KEY, ADMIN_PASSWORD);
    static final Path HOME = SITES.home();
    static final Duration ARRIVAL = Duration.ofSeconds(60);

    static final SiteClient BJ = SITES.site(0);
    static final SiteClient SH = SITES.site(1);

    @BeforeAll
    static void startTwoSitesWithTls() throws IOException {
        Launcher.Result started = SITES.startFresh("start", "--sites", "bj,sh", "--tls");
        assertTrue(started.output().contains("TLS:      links between sites over https"), started.output());
    }

    @AfterAll
    static void stopTwoSites() throws IOException {
        launcher("stop");
    }

    @Test
    @Order(1)
    void theSitesTalkOverHttpsWithCertificatesFromTheSiteCa() throws Exception {
        JsonObject sh = BJ.peer("sh");
        assertEquals("https://127.0.0.1:" + (8443 + OFFSET + 100), sh.getJsonArray("urls").getString(0), sh.toString());
        Await.until("bj reaches sh over https", ARRIVAL, () -> BJ.peer("sh").getBoolean("reachable"));

        HttpClient trusting = HttpClient.newBuilder().sslContext(siteCa()).build();
        HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + (8443 + OFFSET) + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "bj's https listener presents a certificate the site CA signed, for 127.0.0.1");
        assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + (8443 + OFFSET) + "/api/health")).build(),
                HttpResponse.BodyHandlers.discarding()), "a client that does not trust the site CA is refused");

        byte[] jpeg = Corpus.photo(640, 480);
        long start = System.nanoTime();
        String id = BJ.upload(jpeg);
        Await.until("replicated bj -> sh over TLS", ARRIVAL, () -> SH.metadataStatus(id) == 200);
        System.out.printf("SitesTlsIT: replicated bj -> sh over TLS in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertArrayEquals(jpeg, SH.get("/i/" + id).body(), "pulled over https, byte-identical");
        byte[] back = Corpus.photo(500, 375);
        String fromSh = SH.upload(back);
        Await.until("replicated sh -> bj over TLS", ARRIVAL, () -> BJ.metadataStatus(fromSh) == 200);
        assertArrayEquals(back, BJ.get("/i/" + fromSh).body());
    }

    @Test
    @Order(2)
    void aPeerWithACertificateFromElsewhereIsRefusedAndShownThenCatchesUpWithItsOwn() throws Exception {
        Path proper = HOME.resolve("tls/sh.p12");
        Path kept = HOME.resolve("tls/sh.p12.proper");
        Files.copy(proper, kept, StandardCopyOption.REPLACE_EXISTING);
        launcher("stop", "--site", "sh");
        rogueKeystore(proper);
        launcher("start", "--site", "sh");

        Await.until("bj refuses sh's certificate", ARRIVAL, () -> "untrusted certificate".equals(BJ.peer("sh").getString("probe_failure")));
        JsonObject sh = BJ.peer("sh");
        assertEquals(false, sh.getBoolean("reachable"), sh.toString());
        assertTrue(sh.getString("problem").contains("sh unreachable (untrusted certificate)"), sh.toString());
        String health = BJ.health().body();
        assertTrue(health.contains("\"status\":\"DEGRADED\"") && health.contains("untrusted certificate"), health);

        byte[] jpeg = Corpus.uniqueJpeg();
        String id = BJ.upload(jpeg);
        Thread.sleep(5000);
        assertEquals(404, SH.metadataStatus(id), "nothing is sent to a peer whose certificate bj does not trust");
        assertTrue(BJ.peer("sh").getJsonNumber("pending").longValue() >= 1, BJ.peer("sh").toString());

        launcher("stop", "--site", "sh");
        Files.move(kept, proper, StandardCopyOption.REPLACE_EXISTING);
        launcher("start", "--site", "sh");
        Await.until("what waited arrives once sh shows its own certificate", ARRIVAL, () -> SH.metadataStatus(id) == 200);
        assertArrayEquals(jpeg, SH.get("/i/" + id).body());
        Await.until("bj sees sh reachable again", ARRIVAL, () -> BJ.peer("sh").getBoolean("reachable"));
    }

    /** A key store for sh with a self-signed certificate for the same names, under the same password: not the site CA's. */
    private static void rogueKeystore(Path target) throws Exception {
        String password = secret("GENERATED_TLS_PASSWORD");
        Files.delete(target);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=sh", "-validity", "30",
                "-ext", "san=ip:127.0.0.1,dns:localhost,dns:sh", "-keystore", target.toString(), "-storetype", "PKCS12",
                "-storepass", password).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, out);
    }

    private static SSLContext siteCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(HOME.resolve("tls/truststore.p12"))) {
            trusted.load(in, secret("GENERATED_TLS_PASSWORD").toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String secret(String name) throws IOException {
        List<String> lines = Files.readAllLines(HOME.resolve("secrets.env"));
        return lines.stream().filter(l -> l.startsWith(name + "=")).map(l -> l.substring(name.length() + 1)).findFirst().orElseThrow();
    }

    static Launcher.Result launcher(String... command) throws IOException {
        return SITES.run(command);
    }
}
