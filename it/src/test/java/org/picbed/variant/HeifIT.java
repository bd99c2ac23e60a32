package org.picbed.variant;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestServer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.picbed.it.ImageClient.decode;
import static org.picbed.it.ImageClient.get;
import static org.picbed.it.ImageClient.header;
import static org.picbed.it.ImageClient.signed;

/**
 * AVIF output and HEIC/AVIF uploads against the real server, checked with independent tools: the HEIC is made
 * by libheif's {@code heif-enc} (x265), the AVIF outputs are decoded by libavif's {@code avifdec} (.ci/run
 * installs libheif-examples and libavif-bin).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeifIT {

    private static final String HEIF_ENC = "/usr/bin/heif-enc";
    private static final String AVIF_DEC = "/usr/bin/avifdec";
    private static final String AVIF_ENC = "/usr/bin/avifenc";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @BeforeAll
    static void tools() {
        assumeTrue(Files.isExecutable(Path.of(HEIF_ENC)) && Files.isExecutable(Path.of(AVIF_DEC)),
                "heif-enc and avifdec (Debian libheif-examples, libavif-bin) are needed to check HEIC/AVIF");
    }

    @Test
    void aHeicPhotoUploadsIsServedAsItIsAndRendersToEveryFormat() throws Exception {
        byte[] jpeg = Corpus.photo(1200, 800);
        byte[] heic = run(jpeg, ".jpg", ".heic", HEIF_ENC, "-q", "70", "-o", "{out}", "{in}");
        String id = ImageClient.upload("IMG_0001.HEIC", "image/heic", heic);
        assertEquals(Corpus.sha256(heic), id);

        HttpResponse<byte[]> original = get("/i/" + id + ".heic");
        assertEquals(200, original.statusCode());
        assertEquals("image/heic", header(original, "Content-Type"));
        assertArrayEquals(heic, original.body());

        BufferedImage reference = decode(jpeg);
        for (String ext : List.of("jpg", "png", "webp")) {
            HttpResponse<byte[]> r = get("/i/" + id + "/small." + ext);
            assertEquals(200, r.statusCode(), ext + ": " + new String(r.body()));
            BufferedImage small = decode(r.body());
            assertEquals(320, small.getWidth(), ext);
            assertEquals(213, small.getHeight(), 1.0, ext);
            assertTrue(meanDifference(small, reference) < 12, ext + " looks like the photo: "
                    + meanDifference(small, reference));
        }
        HttpResponse<byte[]> avif = get("/i/" + id + "/small.avif");
        assertEquals(200, avif.statusCode(), new String(avif.body()));
        assertEquals("image/avif", header(avif, "Content-Type"));
        BufferedImage decoded = avifdec(avif.body());
        assertEquals(320, decoded.getWidth());
        assertEquals(213, decoded.getHeight(), 1.0);
        assertTrue(meanDifference(decoded, reference) < 12, "the AVIF looks like the photo: "
                + meanDifference(decoded, reference));
    }

    @Test
    void avifOutputHonoursSizeAndQualityAndAutoPrefersAvif() throws Exception {
        String id = ImageClient.upload("photo.jpg", "image/jpeg", Corpus.photo(900, 600));
        HttpResponse<byte[]> low = get(signed("/rs:fit:300:300/q:30/" + id + ".avif"));
        HttpResponse<byte[]> high = get(signed("/rs:fit:300:300/q:90/" + id + ".avif"));
        assertEquals(200, low.statusCode(), new String(low.body()));
        assertEquals(200, high.statusCode(), new String(high.body()));
        BufferedImage image = avifdec(low.body());
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
        assertTrue(low.body().length < high.body().length, "q:30 is smaller than q:90: " + low.body().length
                + " vs " + high.body().length);
        String text = new String(high.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!text.contains("Exif") && !text.contains("xmpmeta"), "metadata stripped");

        HttpResponse<byte[]> auto = get("/i/" + id + "/small.auto", "Accept", "image/avif,image/webp,*/*");
        assertEquals("image/avif", header(auto, "Content-Type"));
        assertEquals("Accept", header(auto, "Vary"));
        assertEquals(320, avifdec(auto.body()).getWidth());
        HttpResponse<byte[]> webp = get("/i/" + id + "/small.auto", "Accept", "image/webp,*/*");
        assertEquals("image/webp", header(webp, "Content-Type"));
        assertTrue(!header(auto, "ETag").equals(header(webp, "ETag")));
        // a second request for each is answered from the store or the hot cache, still per Accept
        assertEquals("image/avif", header(get("/i/" + id + "/small.auto", "Accept", "image/avif,image/webp,*/*"),
                "Content-Type"));
        assertEquals("image/webp", header(get("/i/" + id + "/small.auto", "Accept", "image/webp"), "Content-Type"));
    }

    @Test
    void anAvifUploadIsAcceptedAndRenders() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(AVIF_ENC)));
        byte[] png = png(Corpus.photo(640, 480));
        byte[] avif = run(png, ".png", ".avif", AVIF_ENC, "-s", "8", "{in}", "{out}");
        String id = ImageClient.upload("photo.avif", "image/avif", avif);
        assertEquals("image/avif", header(get("/i/" + id + ".avif"), "Content-Type"));
        HttpResponse<byte[]> thumb = get(signed("/rs:fit:160:160/" + id + ".jpg"));
        assertEquals(200, thumb.statusCode(), new String(thumb.body()));
        assertEquals(160, decode(thumb.body()).getWidth());
        assertEquals(120, decode(thumb.body()).getHeight());
    }

    @Test
    void autoKeepsTheTransparencyOfAnAvifWithAlphaForAClientWithoutModernFormats() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(AVIF_ENC)));
        BufferedImage argb = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                argb.setRGB(x, y, x < 200 ? 0xFF2080C0 : 0x00000000);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(argb, "png", png);
        byte[] avif = run(png.toByteArray(), ".png", ".avif", AVIF_ENC, "-s", "8", "{in}", "{out}");
        String id = ImageClient.upload("alpha.avif", "image/avif", avif);
        // the alpha plane is an auxiliary item declared in the meta box, past the first bytes of the file
        HttpResponse<byte[]> auto = get("/i/" + id + "/small.auto", "Accept", "image/png,image/jpeg,*/*;q=0.1");
        assertEquals(200, auto.statusCode());
        assertEquals("image/png", header(auto, "Content-Type"));
        BufferedImage out = decode(auto.body());
        assertEquals(0, out.getRGB(out.getWidth() - 5, 5) >>> 24, "the transparent half stays transparent");
        assertEquals(0xFF, out.getRGB(5, 5) >>> 24);
    }

    @Test
    void aTruncatedHeicIsRefusedWith422() throws Exception {
        byte[] heic = run(Corpus.photo(400, 300), ".jpg", ".heic", HEIF_ENC, "-q", "60", "-o", "{out}", "{in}");
        byte[] cut = Arrays.copyOf(heic, heic.length / 2);
        org.picbed.client.Multipart body = new org.picbed.client.Multipart().file("file", "cut.heic", "image/heic", cut);
        HttpResponse<String> r = TestServer.send(java.net.http.HttpRequest.newBuilder(TestServer.uri("/api/images"))
                .header("Authorization", "Bearer " + TestServer.apiKey())
                .header("Content-Type", body.contentType())
                .POST(body.body()), HttpResponse.BodyHandlers.ofString());
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, get("/i/" + Corpus.sha256(cut) + ".heic").statusCode(), "nothing stored");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** Runs a tool on the bytes written to a temporary file; {in} and {out} name the files. */
    private static byte[] run(byte[] input, String inExt, String outExt, String... command) throws Exception {
        Path dir = Files.createTempDirectory("picbed-heif-it");
        try {
            Path in = dir.resolve("in" + inExt);
            Path out = dir.resolve("out" + outExt);
            Files.write(in, input);
            List<String> args = Arrays.stream(command)
                    .map(a -> a.replace("{in}", in.toString()).replace("{out}", out.toString())).toList();
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + log);
            return Files.readAllBytes(out);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Decodes an AVIF with libavif's avifdec (not libheif, which rendered it) to PNG. */
    private static BufferedImage avifdec(byte[] avif) throws Exception {
        return decode(run(avif, ".avif", ".png", AVIF_DEC, "{in}", "{out}"));
    }

    private static byte[] png(byte[] jpeg) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(decode(jpeg), "png", out);
        return out.toByteArray();
    }

    /** The mean absolute RGB difference of a smaller image to the reference sampled at the same relative spot. */
    private static double meanDifference(BufferedImage small, BufferedImage reference) {
        long sum = 0;
        int n = 0;
        for (int y = 2; y < small.getHeight() - 2; y += 3) {
            for (int x = 2; x < small.getWidth() - 2; x += 3) {
                int a = small.getRGB(x, y);
                int b = reference.getRGB(x * reference.getWidth() / small.getWidth(),
                        y * reference.getHeight() / small.getHeight());
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                    n++;
                }
            }
        }
        return (double) sum / n;
    }
}
