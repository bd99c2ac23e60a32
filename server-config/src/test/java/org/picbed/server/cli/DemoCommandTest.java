package org.picbed.server.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./picbed demo} against a fake shop API that already has one of the products. */
class DemoCommandTest {

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("shopkeeper:pa ss".getBytes(StandardCharsets.UTF_8));

    @Test
    void createsTheMissingProductsWithTheirPicturesAndLeavesTheOthers(@TempDir Path corpus) throws Exception {
        for (String name : List.of("webp_lossy_64x48.webp", "png_palette_trns.png", "png_16bit_rgb.png", "jpeg_cmyk_adobe.jpg",
                "jpeg_progressive.jpg", "jpeg_exif_orientation6.jpg")) {
            Files.writeString(corpus.resolve(name), name);
        }
        try (FakePicbed shop = new FakePicbed(DemoCommandTest::shop)) {
            FakePicbed.Run run = FakePicbed.cli(Map.of("PICBED_ADMIN_USER", "shopkeeper", "PICBED_ADMIN_PASSWORD", "pa ss"),
                    "demo", "--base", shop.base().toString(), "--corpus", corpus.toString());
            assertEquals(0, run.exit(), run.err());
            String base = shop.base().toString();
            assertEquals("==> demo products for " + base + "/shop/\n"
                    + "  created: Stoneware mug (2 pictures)  " + base + "/shop/p/stoneware-mug\n"
                    + "  created: Canvas tote bag (2 pictures)  " + base + "/shop/p/canvas-tote-bag\n"
                    + "  exists:  Desk lamp\n"
                    + "  created: Potted fern (1 picture)  " + base + "/shop/p/potted-fern\n"
                    + "  created: Dot-grid notebook (2 pictures)  " + base + "/shop/p/dot-grid-notebook\n"
                    + "  created: Format sampler (6 pictures)  " + base + "/shop/p/format-sampler\n"
                    + "open " + base + "/shop/ (admin: " + base + "/shop/admin/ as shopkeeper)\n", run.out());

            List<FakePicbed.Request> creates = shop.requests("POST", "/api/shop/products").stream()
                    .filter(r -> r.path().equals("/api/shop/products")).toList();
            assertEquals(5, creates.size());
            JsonObject mug = json(creates.get(0).text());
            assertEquals(Map.of("name", "Stoneware mug", "price", "18.00", "currency", "EUR",
                    "description", "Hand-glazed stoneware in deep teal. Holds 350 ml; dishwasher safe."),
                    Map.of("name", mug.getString("name"), "price", mug.getString("price"), "currency", mug.getString("currency"),
                            "description", mug.getString("description")));
            assertEquals("application/json", creates.get(0).header("Content-Type"));

            List<FakePicbed.Request> pictures = shop.requests("POST", "/api/shop/products/").stream()
                    .filter(r -> r.path().endsWith("/pictures")).toList();
            assertEquals(13, pictures.size());
            FakePicbed.Request first = pictures.get(0);
            assertEquals("/api/shop/products/stoneware-mug/pictures", first.path());
            assertEquals("Teal stoneware mug, handle to the right", URLDecoder.decode(first.query().substring(4), StandardCharsets.UTF_8));
            assertTrue(first.query().startsWith("alt=Teal%20stoneware%20mug%2C%20handle"), first.query());
            assertEquals("mug-1.jpg", first.header("X-Filename"));
            assertEquals("application/octet-stream", first.header("Content-Type"));
            assertTrue(first.body().length > 1000 && (first.body()[0] & 0xff) == 0xFF && (first.body()[1] & 0xff) == 0xD8,
                    "a drawn JPEG");
            FakePicbed.Request cmyk = pictures.stream().filter(r -> "jpeg_cmyk_adobe.jpg".equals(r.header("X-Filename"))).findFirst().orElseThrow();
            assertEquals("jpeg_cmyk_adobe.jpg", cmyk.text(), "the corpus file's bytes");
            assertTrue(shop.requests.stream().allMatch(r -> BASIC.equals(r.header("Authorization"))), "the admin login everywhere");
        }
    }

    @Test
    void aShopThatDoesNotAnswerOrRefusesIsReported(@TempDir Path corpus) throws IOException {
        try (FakePicbed shop = new FakePicbed(r -> FakePicbed.Answer.json(401, "{\"code\":\"unauthorized\"}"))) {
            FakePicbed.Run run = FakePicbed.cli(Map.of(), "demo", "--base", shop.base().toString(), "--corpus", corpus.toString());
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("picbed: the shop API did not answer (HTTP 401): {\"code\":\"unauthorized\"}"), run.err());
        }
        try (FakePicbed shop = new FakePicbed(r -> r.method().equals("GET") ? FakePicbed.Answer.json(200, "{\"products\":[]}")
                : FakePicbed.Answer.json(400, "{\"code\":\"invalid_product\"}"))) {
            FakePicbed.Run run = FakePicbed.cli(Map.of(), "demo", "--base", shop.base().toString(), "--corpus", corpus.toString());
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("picbed: could not create 'Stoneware mug' (HTTP 400)"), run.err());
        }
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertEquals("a-b_c.d~e%20f%2C%26%C3%A9", DemoCommand.percentEncode("a-b_c.d~e f,&é"));
    }

    private static FakePicbed.Answer shop(FakePicbed.Request r) {
        if (!BASIC.equals(r.header("Authorization"))) {
            return FakePicbed.Answer.json(401, "{}");
        }
        if (r.method().equals("GET") && r.path().equals("/api/shop/products")) {
            // the existing product's keys in another order than the API writes them
            return FakePicbed.Answer.json(200, "{\"products\":[{\"pictures\":[],\"slug\":\"desk-lamp\",\"price\":\"89.00\",\"name\":\"Desk lamp\"}]}");
        }
        if (r.method().equals("POST") && r.path().equals("/api/shop/products")) {
            String name = json(r.text()).getString("name");
            String slug = name.toLowerCase().replace(' ', '-');
            return FakePicbed.Answer.json(201, "{\"name\":\"" + name + "\",\"slug\":\"" + slug + "\",\"pictures\":[]}");
        }
        if (r.method().equals("POST") && r.path().endsWith("/pictures")) {
            return FakePicbed.Answer.json(201, "{\"id\":1}");
        }
        return FakePicbed.Answer.json(404, "{}");
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
