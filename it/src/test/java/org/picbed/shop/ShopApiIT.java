package org.picbed.shop;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Corpus;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.ShopApi;
import org.picbed.it.TestServer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storefront's catalogue API and pages over plain HTTP: errors, nothing left behind, the tag's markup. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShopApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void theCatalogueApiNeedsTheAdminAndSaysWhatIsWrong() throws Exception {
        HttpResponse<String> anonymous = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/shop/products"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"price\":\"1\"}")),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> badPrice = ShopApi.call(HttpRequest.newBuilder(TestServer.uri("/api/shop/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Cheap\",\"price\":\"1.999\"}")));
        assertEquals(400, badPrice.statusCode(), badPrice.body());
        assertEquals("invalid_product", TestServer.json(badPrice.body()).getString("code"));
        assertTrue(TestServer.json(badPrice.body()).getString("detail").contains("price"));
    }

    @Test
    void aRefusedPictureLeavesNothingBehind() throws Exception {
        String slug = ShopApi.create("Refusals " + System.nanoTime(), "5.00").getString("slug");
        HttpResponse<String> notAnImage = ShopApi.addPictureRaw(slug, "<html>not an image</html>".getBytes(), "x");
        assertEquals(415, notAnImage.statusCode(), notAnImage.body());
        assertEquals(0, ShopApi.get(slug).getJsonArray("pictures").size());

        byte[] photo = Corpus.photo(640, 480);
        HttpResponse<String> noSuchProduct = ShopApi.addPictureRaw("no-such-product-" + System.nanoTime(), photo, "x");
        assertEquals(404, noSuchProduct.statusCode(), noSuchProduct.body());
        assertEquals(404, TestServer.get("/i/" + Corpus.sha256(photo)).statusCode(),
                "the product is checked before the bytes are read: nothing was stored");
    }

    @Test
    void pagesCarrySizedLazyResponsiveImagesAndReplacingChangesTheUrl() throws Exception {
        String slug = ShopApi.create("Tagged bowl " + System.nanoTime(), "22.00").getString("slug");
        byte[] first = Corpus.photo(1600, 1200);
        JsonObject picture = ShopApi.addPicture(slug, first, "A bowl & its \"shadow\"");
        String page = TestServer.get("/shop/p/" + slug).body();
        Matcher main = Pattern.compile("<img [^>]*id=\"main-image\"[^>]*>").matcher(page);
        assertTrue(main.find(), page);
        String img = main.group();
        assertTrue(img.contains("alt=\"A bowl &amp; its &quot;shadow&quot;\""), "alt is escaped: " + img);
        assertTrue(img.contains("width=\"960\" height=\"720\""), "src's own size, from the stored 1600x1200: " + img);
        assertTrue(img.contains("loading=\"eager\"") && img.contains("fetchpriority=\"high\"") && img.contains("decoding=\"async\""), img);
        assertTrue(img.contains(" 480w, ") && img.contains(" 1600w\""), "srcset up to the image's own width: " + img);
        Matcher src = Pattern.compile(" src=\"([^\"]+)\"").matcher(img);
        assertTrue(src.find());
        assertEquals(200, TestServer.get(src.group(1)).statusCode(), "the signed src URL is served");
        assertTrue(page.contains("<meta property=\"og:image\" content=\"/v/"), "picbed:variant gives a bare signed URL");

        HttpResponse<String> replaced = ShopApi.call(HttpRequest.newBuilder(TestServer.uri("/api/shop/products/" + slug
                + "/pictures/" + picture.getJsonNumber("id").longValue())).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Corpus.photo(1600, 1200))));
        assertEquals(200, replaced.statusCode(), replaced.body());
        String after = TestServer.get("/shop/p/" + slug).body();
        assertNotEquals(picture.getString("image"), TestServer.json(replaced.body()).getString("image"));
        assertFalse(after.contains(picture.getString("image")), "the page names the new image only");
        assertTrue(after.contains(TestServer.json(replaced.body()).getString("image")));
        assertEquals(200, TestServer.get(src.group(1)).statusCode(), "the old URL still serves");

        HttpResponse<String> missing = TestServer.get("/shop/p/no-such-product");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Not found"));
        HttpResponse<String> admin = TestServer.get("/shop/admin/");
        assertEquals(302, admin.statusCode(), "the admin pages send strangers to the login");
        assertTrue(admin.headers().firstValue("Location").orElse("").contains("/shop/login?next="));
    }
}
