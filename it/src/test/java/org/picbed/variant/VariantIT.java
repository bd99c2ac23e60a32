package org.picbed.variant;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Await;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestServer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picbed.it.ImageClient.decode;
import static org.picbed.it.ImageClient.get;
import static org.picbed.it.ImageClient.header;
import static org.picbed.it.ImageClient.signed;

/** Variants over HTTP against the real server: URL grammar, signatures, rendering, eager presets, hot cache. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VariantIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void everyPresetAndFormatRenders() throws Exception {
        String id = ImageClient.upload("photo.jpg", "image/jpeg", Corpus.photo(1200, 800));
        Map<String, int[]> expected = Map.of("thumb", new int[]{150, 150}, "small", new int[]{320, 213},
                "medium", new int[]{800, 533}, "large", new int[]{1200, 800});
        for (Map.Entry<String, int[]> preset : expected.entrySet()) {
            for (String ext : List.of("jpg", "png", "gif", "webp")) {
                HttpResponse<byte[]> r = get("/i/" + id + "/" + preset.getKey() + "." + ext);
                assertEquals(200, r.statusCode(), preset.getKey() + "." + ext + ": " + new String(r.body()));
                assertEquals(mediaType(ext), header(r, "Content-Type"));
                assertEquals("nosniff", header(r, "X-Content-Type-Options"));
                assertTrue(header(r, "Cache-Control").contains("immutable"));
                assertTrue(List.of("HIT", "STORED", "RENDERED").contains(header(r, "X-Cache")));
                BufferedImage image = decode(r.body());
                assertEquals(preset.getValue()[0], image.getWidth(), preset.getKey() + "." + ext + " width (never enlarged)");
                assertEquals(preset.getValue()[1], image.getHeight(), 1.0, preset.getKey() + "." + ext + " height");
            }
        }
        assertEquals(404, get("/i/" + id + "/nosuchpreset.jpg").statusCode());
        assertEquals(404, get("/i/" + id + "/thumb.tiff").statusCode());
        assertEquals(404, get("/i/" + "0".repeat(64) + "/thumb.jpg").statusCode());
    }

    @Test
    void autoPicksWebpWhenAcceptedAndVariesOnAccept() throws Exception {
        String id = ImageClient.upload("photo.jpg", "image/jpeg", Corpus.photo(400, 300));
        HttpResponse<byte[]> webp = get("/i/" + id + "/small.auto", "Accept", "image/webp,*/*");
        assertEquals("image/webp", header(webp, "Content-Type"));
        assertEquals("Accept", header(webp, "Vary"));
        HttpResponse<byte[]> jpeg = get("/i/" + id + "/small.auto", "Accept", "image/png,image/*;q=0.8");
        assertEquals("image/jpeg", header(jpeg, "Content-Type"));
        assertNotEquals(header(webp, "ETag"), header(jpeg, "ETag"));
        String png = ImageClient.upload("alpha.png", "image/png", Corpus.bytes("png_palette_trns.png"));
        assertEquals("image/png", header(get("/i/" + png + "/thumb.auto", "Accept", "image/jpeg"), "Content-Type"),
                "a source with transparency stays lossless-with-alpha when WebP is not accepted");
    }

    @Test
    void signedOptionsRenderAndTwoSpellingsShareOneStoredFile() throws Exception {
        String id = ImageClient.upload("photo.jpg", "image/jpeg", Corpus.photo(900, 600));
        awaitEagerReady(id); // its eager presets add files too: let them land before counting
        HttpResponse<byte[]> first = get(signed("/rs:fill:120:80/g:ce/" + id + ".png"));
        assertEquals(200, first.statusCode(), new String(first.body()));
        assertEquals("RENDERED", header(first, "X-Cache"));
        BufferedImage image = decode(first.body());
        assertEquals(120, image.getWidth());
        assertEquals(80, image.getHeight());
        long files = variantFiles(id);

        HttpResponse<byte[]> second = get(signed("/w:120/h:80/rt:fill/cb:5/" + id + ".png"));
        assertEquals(200, second.statusCode(), new String(second.body()));
        assertEquals(header(first, "ETag"), header(second, "ETag"), "same output, same key");
        assertEquals("STORED", header(second, "X-Cache"), "the second spelling finds the first one's file");
        assertEquals(files, variantFiles(id), "no second file for the second spelling");

        HttpResponse<byte[]> notModified = get(signed("/resize:fill:120:80/" + id + ".png"), "If-None-Match", header(first, "ETag"));
        assertEquals(304, notModified.statusCode());
    }

    @Test
    void badOptionsAre400AndTamperedSignaturesAre403WithNothingRendered() throws Exception {
        String id = ImageClient.upload("photo.jpg", "image/jpeg", Corpus.photo(500, 400));
        assertProblem(get(signed("/xx:1/" + id + ".jpg")), 400, "invalid_option");
        assertProblem(get(signed("/rot:45/" + id + ".jpg")), 400, "invalid_option");
        assertProblem(get(signed("/q:101/" + id + ".jpg")), 400, "invalid_option");
        assertProblem(get(signed("/rs:fit:90000:90000/" + id + ".jpg")), 400, "variant_too_large");

        awaitEagerReady(id); // the upload's own eager renders count too: let them finish before counting
        long rendersBefore = metric("picbed_variant_renders_total");
        long filesBefore = variantFiles(id);
        String good = signed("/rs:fit:77:77/" + id + ".jpg");
        String signature = good.split("/")[2];
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        String otherId = id.substring(0, 63) + (id.charAt(63) == '0' ? '1' : '0');
        List<String> tampered = List.of(
                good.replace(signature, flipped),
                good.replace("rs:fit:77:77", "rs:fit:78:77"),
                good.replace(id, otherId),
                good.replace(".jpg", ".png"),
                good.replace(signature, "unsafe"),
                good.replace(signature, signature.substring(0, 20)));
        for (String url : tampered) {
            assertProblem(get(url), 403, "bad_signature");
        }
        assertEquals(rendersBefore, metric("picbed_variant_renders_total"), "a bad signature renders nothing");
        assertEquals(filesBefore, variantFiles(id));
        assertEquals(200, get(good).statusCode(), "the untampered URL works");
    }

    @Test
    void exifOrientationSixComesOutPortrait() throws Exception {
        String id = ImageClient.upload("rotated.jpg", "image/jpeg", Corpus.bytes("jpeg_exif_orientation6.jpg"));
        BufferedImage image = decode(get(signed("/rs:fit:100:100/" + id + ".png")).body());
        assertEquals(2 * image.getWidth(), image.getHeight(), "64x32 stored, orientation 6: portrait 1:2");
        Color top = new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 4));
        Color bottom = new Color(image.getRGB(image.getWidth() / 2, 3 * image.getHeight() / 4));
        assertTrue(top.getRed() > 200 && top.getBlue() < 60, "top half red, was " + top);
        assertTrue(bottom.getBlue() > 200 && bottom.getRed() < 60, "bottom half blue, was " + bottom);
        BufferedImage unrotated = decode(get(signed("/rs:fit:100:100/ar:false/" + id + ".png")).body());
        assertEquals(unrotated.getWidth(), 2 * unrotated.getHeight(), "ar:false keeps the stored orientation");
    }

    @Test
    void cmykIsNotInverted() throws Exception {
        String id = ImageClient.upload("print.jpg", "image/jpeg", Corpus.bytes("jpeg_cmyk_adobe.jpg"));
        BufferedImage image = decode(get(signed("/rs:fit:64:64/" + id + ".png")).body());
        assertEquals(64, image.getWidth());
        // 4x3 block means of this file converted to sRGB by ImageMagick (a reference CMYK decoder)
        int[][] reference = {
                {75, 83, 56}, {184, 115, 110}, {75, 146, 114}, {155, 175, 120},
                {123, 150, 110}, {154, 125, 127}, {91, 101, 127}, {185, 78, 126},
                {171, 115, 114}, {92, 146, 127}, {139, 175, 123}, {133, 163, 127}};
        double error = 0;
        double invertedError = 0;
        for (int by = 0; by < 3; by++) {
            for (int bx = 0; bx < 4; bx++) {
                double[] mean = mean(image, bx * image.getWidth() / 4, by * image.getHeight() / 3,
                        image.getWidth() / 4, image.getHeight() / 3);
                for (int c = 0; c < 3; c++) {
                    error += Math.abs(mean[c] - reference[by * 4 + bx][c]);
                    invertedError += Math.abs(255 - mean[c] - reference[by * 4 + bx][c]);
                }
            }
        }
        error /= 36;
        invertedError /= 36;
        assertTrue(error < 20, "colours match the reference decode (mean error " + error + ")");
        assertTrue(invertedError > 2 * error, "and are not the inverted ones (" + invertedError + ")");
    }

    @Test
    void paletteTransparencyIsKeptInPngAndWebp() throws Exception {
        String id = ImageClient.upload("palette.png", "image/png", Corpus.bytes("png_palette_trns.png"));
        for (String ext : List.of("png", "webp")) {
            HttpResponse<byte[]> r = get(signed("/rs:fit:32:32/" + id + "." + ext));
            assertEquals(200, r.statusCode(), ext + ": " + new String(r.body()));
            BufferedImage image = decode(r.body());
            assertTrue(image.getColorModel().hasAlpha(), ext + " keeps an alpha channel");
            boolean transparent = false;
            for (int y = 0; y < image.getHeight() && !transparent; y++) {
                for (int x = 0; x < image.getWidth() && !transparent; x++) {
                    transparent = (image.getRGB(x, y) >>> 24) < 16;
                }
            }
            assertTrue(transparent, ext + " has fully transparent pixels where the source did");
        }
    }

    @Test
    void animatedGifKeepsItsFrames() throws Exception {
        String id = ImageClient.upload("anim.gif", "image/gif", animatedGif(6, 120, 90));
        HttpResponse<byte[]> r = get(signed("/rs:fit:60:60/" + id + ".gif"));
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals(6, ImageClient.frames(r.body()), "every frame kept");
        assertEquals("", header(r, "X-Animation-Truncated"));
        BufferedImage first = decode(r.body());
        assertEquals(60, first.getWidth());
        assertEquals(45, first.getHeight());
    }

    @Test
    void eagerPresetsAreReadyWithoutAnyRequest() throws Exception {
        String id = ImageClient.upload("eager.jpg", "image/jpeg", Corpus.photo(1000, 700));
        awaitEagerReady(id);
        HttpResponse<byte[]> thumb = get("/i/" + id + "/thumb.jpg");
        assertEquals("STORED", header(thumb, "X-Cache"), "rendered ahead of the first request");
        assertEquals(150, decode(thumb.body()).getWidth());
    }

    @Test
    void aVariantServedTwiceIsServedFromTheHotCache() throws Exception {
        String id = ImageClient.upload("hot.jpg", "image/jpeg", Corpus.photo(640, 480));
        String url = signed("/rs:fit:200:200/q:70/" + id + ".jpg");
        long hitsBefore = metric("picbed_variant_hot_hits_total");
        long ioHitsBefore = metric("picbed_variant_hot_hits_io_thread_total");
        assertEquals("RENDERED", header(get(url), "X-Cache"));
        assertEquals("STORED", header(get(url), "X-Cache"));
        HttpResponse<byte[]> hot = ImageClient.getHttp11(url);
        assertEquals("HIT", header(hot, "X-Cache"));
        assertEquals(200, decode(hot.body()).getWidth());
        assertEquals(hitsBefore + 1, metric("picbed_variant_hot_hits_total"));
        // answered before the servlet container: on Undertow's IO thread (WildFly), in Grizzly's filter chain (Payara)
        int ioHits = 1;
        assertEquals(ioHitsBefore + ioHits, metric("picbed_variant_hot_hits_io_thread_total"), "answered before the servlet container");
        HttpResponse<byte[]> viaServlet = ImageClient.head(url);
        assertEquals("HIT", header(viaServlet, "X-Cache"), "the servlet path reads the same hot cache");
        assertEquals(hitsBefore + 2, metric("picbed_variant_hot_hits_total"));
        assertEquals(ioHitsBefore + ioHits, metric("picbed_variant_hot_hits_io_thread_total"));
        // a query string (a page's cache buster) names the same variant: still answered before the servlets
        HttpResponse<byte[]> busted = ImageClient.getHttp11(url + "?v=2");
        assertEquals("HIT", header(busted, "X-Cache"));
        assertEquals(ioHitsBefore + 2, metric("picbed_variant_hot_hits_io_thread_total"), "a query string is no miss");
        // a revalidation is answered there too, without the bytes
        long revalidationsBefore = metric("picbed_variant_revalidations_io_thread_total");
        HttpResponse<byte[]> revalidated = ImageClient.getHttp11WithHeader(url, "If-None-Match", header(hot, "ETag"));
        assertEquals(304, revalidated.statusCode());
        assertEquals(0, revalidated.body().length);
        assertEquals(header(hot, "ETag"), header(revalidated, "ETag"));
        assertEquals(revalidationsBefore + 1, metric("picbed_variant_revalidations_io_thread_total"));
    }

    @Test
    void deletingAnImageRemovesItsVariants() throws Exception {
        String id = ImageClient.upload("gone.jpg", "image/jpeg", Corpus.photo(300, 200));
        awaitEagerReady(id); // an eager render still running could store its file after the delete
        String url = signed("/rs:fit:50:50/" + id + ".jpg");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get(url).statusCode());
        }
        assertTrue(variantFiles(id) > 0);
        assertEquals(204, TestServer.send(java.net.http.HttpRequest.newBuilder(TestServer.uri("/api/images/" + id))
                .header("Authorization", "Bearer " + TestServer.apiKey()).DELETE(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(404, get(url).statusCode(), "not from the hot cache, not from the store");
        assertEquals(0, variantFiles(id));
    }

    @Test
    void aRenderThatKeepsFailingEndsInTheDeadLetterQueue() throws Exception {
        String id = ImageClient.upload("doomed.jpg", "image/jpeg", Corpus.photo(400, 300));
        awaitEagerReady(id);
        Files.delete(TestServer.home().resolve("blobs").resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id));
        String dlq = "picbed_queue_messages{queue=\"picbed.bulk.dlq\"}";
        long deadBefore = metric(dlq);
        HttpResponse<String> queued = TestServer.send(java.net.http.HttpRequest.newBuilder(
                        TestServer.uri("/api/images/" + id + "/variants/rerender"))
                .header("Authorization", "Bearer " + TestServer.apiKey()).POST(java.net.http.HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, queued.statusCode(), queued.body());
        int jobs = TestServer.json(queued.body()).getJsonArray("queued").size();
        assertTrue(jobs >= 2, queued.body());
        Await.until("every re-render dead-lettered after its attempts", Duration.ofSeconds(90),
                () -> metric(dlq) == deadBefore + jobs);
        JsonObject image = TestServer.json(TestServer.get("/api/images/" + id).body());
        assertTrue(image.getJsonArray("variants").stream().map(JsonObject.class::cast)
                        .allMatch(v -> "failed".equals(v.getString("state")) && v.getString("reason").startsWith("source_missing")),
                image.toString());
    }

    private static void awaitEagerReady(String id) {
        Await.until("eager presets ready", Duration.ofSeconds(60), () -> {
            JsonObject image = TestServer.json(TestServer.get("/api/images/" + id).body());
            return image.getJsonArray("variants").stream().map(JsonObject.class::cast)
                    .filter(v -> "ready".equals(v.getString("state")))
                    .map(v -> v.getString("preset", "")).toList().containsAll(List.of("thumb", "small"));
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void assertProblem(HttpResponse<byte[]> r, int status, String code) {
        String body = new String(r.body());
        assertEquals(status, r.statusCode(), body);
        assertEquals("application/problem+json", header(r, "Content-Type"));
        assertEquals(code, TestServer.json(body).getString("code"), body);
    }

    static long metric(String name) throws Exception {
        for (String line : TestServer.get("/api/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    static long variantFiles(String id) throws IOException {
        Path dir = TestServer.home().resolve("blobs").resolve("variants").resolve(id.substring(0, 2))
                .resolve(id.substring(2, 4)).resolve(id);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static String mediaType(String ext) {
        return switch (ext) {
            case "jpg" -> "image/jpeg";
            default -> "image/" + ext;
        };
    }

    private static double[] mean(BufferedImage image, int x0, int y0, int width, int height) {
        double r = 0, g = 0, b = 0;
        int n = width * height;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                int rgb = image.getRGB(x, y);
                r += rgb >> 16 & 0xff;
                g += rgb >> 8 & 0xff;
                b += rgb & 0xff;
            }
        }
        return new double[]{r / n, g / n, b / n};
    }

    /** An animated GIF of distinct coloured frames with a 100 ms delay and infinite looping. */
    static byte[] animatedGif(int frames, int width, int height) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Random random = new Random(System.nanoTime());
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setColor(new Color(Color.HSBtoRGB(i / (float) frames, 0.8f, 0.9f)));
                g.fillRect(0, 0, width, height);
                g.setColor(new Color(random.nextInt(0xffffff)));
                g.fillOval(i * width / frames, height / 4, width / 4, height / 2);
                g.dispose();
                ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
                IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "10");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                if (i == 0) {
                    IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
                    IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                    loop.setAttribute("applicationID", "NETSCAPE");
                    loop.setAttribute("authenticationCode", "2.0");
                    loop.setUserObject(new byte[]{1, 0, 0});
                    apps.appendChild(loop);
                    root.appendChild(apps);
                }
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
