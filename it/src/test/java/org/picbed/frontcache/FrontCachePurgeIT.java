package org.picbed.frontcache;

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
import org.picbed.it.Squid;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Squid reverse proxy in front of the test server (which has {@code PICBED_FRONT_CACHES} pointing at it):
 * an image Squid has cached is fetched fresh from picbed after one purge, because picbed sent Squid a PURGE.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FrontCachePurgeIT {

    static final int OFFSET = Integer.getInteger("picbed.it.port.offset", 300);
    static final int SQUID_PORT = Integer.getInteger("picbed.it.squid.port", 3428);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void anImageCachedBySquidIsFetchedFreshAfterAPurge() throws Exception {
        assumeTrue(Squid.installed(), "Debian package squid is not installed (.ci/run installs it)");
        Path dir = Path.of(System.getProperty("picbed.it.launcher.dir", "target/launcher")).toAbsolutePath().resolve("squid");
        try (Squid squid = Squid.start(SQUID_PORT, 8080 + OFFSET, dir)) {
            String id = ImageClient.upload("front.jpg", "image/jpeg", Corpus.photo(480, 360));
            String original = "/i/" + id;
            String small = "/i/" + id + "/small.jpg";
            HttpResponse<byte[]> first = viaSquid(original);
            viaSquid(small);
            HttpResponse<byte[]> cached = viaSquid(original);
            assertTrue(cached.headers().firstValue("Age").isPresent(), "Squid answered from its cache: " + cached.headers().map());
            assertTrue(viaSquid(small).headers().firstValue("Age").isPresent(), "the preset too");
            assertArrayEquals(first.body(), cached.body());

            Launcher.Result purge = Purging.jmx(OFFSET, System.getProperty("picbed.it.admin.user"),
                    System.getProperty("picbed.it.admin.password"), "image", id);
            assertEquals(0, purge.exit(), purge.output());

            HttpResponse<byte[]> fresh = viaSquid(original);
            assertTrue(fresh.headers().firstValue("Age").isEmpty(), "fetched from picbed again: " + fresh.headers().map());
            assertArrayEquals(first.body(), fresh.body(), "same bytes: the original is not touched by a purge");
            HttpResponse<byte[]> freshSmall = viaSquid(small);
            assertTrue(freshSmall.headers().firstValue("Age").isEmpty(), "the preset fetched again too");
            assertEquals("RENDERED", freshSmall.headers().allValues("X-Cache").stream().filter(v -> !v.contains(" from ")).findFirst().orElse(""),
                    "and re-rendered by picbed: " + freshSmall.headers().map());
            assertTrue(squid.accessLog().contains("PURGE"), "Squid logged picbed's PURGE requests");
        }
    }

    private static HttpResponse<byte[]> viaSquid(String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SQUID_PORT + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path + " via squid");
        return response;
    }
}
