package org.picbed.variant;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.Origin;
import org.picbed.it.PicbedDeployment;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picbed.it.ImageClient.decode;
import static org.picbed.it.ImageClient.get;
import static org.picbed.it.ImageClient.header;
import static org.picbed.it.ImageClient.signed;

/**
 * imgproxy's source forms against the real server: {@code plain/<url>[@ext]} and base64url sources from the
 * allow-listed origin (PICBED_SOURCE_ALLOW in it/pom.xml) are fetched once and stored content-addressed;
 * {@code plain/local:///<id>} names a stored image; other origins are refused before any connection.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourceFormsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void aPlainSourceIsFetchedOnceStoredAndServedLikeAnUpload() throws Exception {
        try (Origin origin = new Origin()) {
            byte[] photo = Corpus.photo(640, 480);
            String url = origin.put("source-cat.jpg", photo);
            HttpResponse<byte[]> first = get(signed("/rs:fit:200:200/plain/" + url + "@png"));
            assertEquals(200, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
            assertEquals("image/png", header(first, "Content-Type"));
            BufferedImage img = decode(first.body());
            assertEquals(200, img.getWidth());
            assertEquals(150, img.getHeight());
            int fetches = origin.requests();

            // other options, the base64url form, a cache buster: the stored copy, no new fetch
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> second = get(signed("/rs:fill:50:50/cb:1/" + encoded + ".jpg"));
            assertEquals(200, second.statusCode(), new String(second.body(), StandardCharsets.UTF_8));
            assertEquals(50, decode(second.body()).getWidth());
            assertEquals(fetches, origin.requests(), "the same URL is fetched once");

            // content-addressed: uploading the same bytes names the same image, and local:/// serves it
            String id = ImageClient.upload("cat.jpg", "image/jpeg", photo);
            HttpResponse<byte[]> local = get(signed("/rs:fit:200:200/plain/local:///" + id + "@png"));
            assertEquals(header(first, "ETag"), header(local, "ETag"), "the fetched source is that stored image");
        }
    }

    /** Acceptance: a URL signed by imgproxy's own SDK (@imgproxy/imgproxy-node, installed by npm in it/pom.xml). */
    @Test
    void aUrlBuiltByImgproxysOwnSdkRenders() throws Exception {
        try (Origin origin = new Origin()) {
            String url = origin.put("sdk-dog.jpg", Corpus.photo(800, 600));
            String script = "const { generateImageUrl } = require('@imgproxy/imgproxy-node');"
                    + "const [endpoint, url, key, salt, display] = process.argv.slice(1);"
                    + "console.log(generateImageUrl({ endpoint, url: { value: url, displayAs: display },"
                    + " options: { resizing_type: 'fit', width: 300, height: 300, format: 'png' }, key, salt }));";
            for (String display : new String[] {"plain", "base64"}) {
                ProcessBuilder pb = new ProcessBuilder("node", "-e", script, "http://picbed/v/", url,
                        System.getProperty("picbed.it.signing.key"), System.getProperty("picbed.it.signing.salt"), display);
                pb.environment().put("NODE_PATH", System.getProperty("picbed.it.imgproxy.sdk"));
                Process node = pb.redirectErrorStream(true).start();
                String built = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertEquals(0, node.waitFor(), built);
                assertTrue(built.startsWith("http://picbed/v/"), built);
                String path = built.substring("http://picbed".length());
                if (display.equals("plain")) {
                    assertTrue(path.contains("/plain/http://127.0.0.1:"), path);
                }
                HttpResponse<byte[]> r = get(path);
                assertEquals(200, r.statusCode(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
                assertEquals("image/png", header(r, "Content-Type"));
                BufferedImage img = decode(r.body());
                assertEquals(300, img.getWidth());
                assertEquals(225, img.getHeight());
            }
        }
    }

    @Test
    void sourcesFromOtherOriginsAreRefusedWithoutAConnection() throws Exception {
        try (Origin origin = new Origin()) {
            HttpResponse<byte[]> refused = get(signed("/w:100/plain/http://127.0.0.1:" + Origin.FORBIDDEN_PORT + "/x.jpg"));
            assertEquals(403, refused.statusCode());
            assertEquals("application/problem+json", header(refused, "Content-Type"));
            assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("source_not_allowed"));
            HttpResponse<byte[]> redirected = get(signed("/w:100/plain/" + origin.url("/to-forbidden")));
            assertTrue(redirected.statusCode() >= 400 && redirected.statusCode() < 500, "status " + redirected.statusCode());
            assertEquals(0, origin.forbiddenConnections(), "no connection to a refused address, redirects included");

            HttpResponse<byte[]> notImage = get(signed("/w:100/plain/" + origin.url("/html")));
            assertTrue(notImage.statusCode() == 415 || notImage.statusCode() == 422, "status " + notImage.statusCode());
            assertEquals("application/problem+json", header(notImage, "Content-Type"));

            HttpResponse<byte[]> notHttp = get(signed("/w:100/plain/ftp://127.0.0.1/x.jpg"));
            assertEquals(400, notHttp.statusCode());
        }
    }
}
