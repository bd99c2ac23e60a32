package org.picbed.client;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.picbed.it.Browser;
import org.picbed.it.Corpus;
import org.picbed.it.PicbedDeployment;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shop's own application on another server: the sample shop (Tomcat, picbed-client and picbed-taglib only) sells
 * a product whose picture is uploaded through the client; in Chromium its pages' pictures decode, every srcset
 * candidate resolves to an image exactly as wide as it says, {@code width}/{@code height} match what {@code src}
 * renders at (the product page learns the size from picbed's metadata API), and the EL functions' URLs work.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleShopIT {

    private static final int SHOP_PORT = Integer.getInteger("picbed.it.sample-shop.port", 3441);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void theShopWarCarriesNoPicbedServerClass() throws Exception {
        List<String> picbedJars = new ArrayList<>();
        try (ZipFile war = new ZipFile(SampleShop.DIR.resolve("sample-shop.war").toFile())) {
            war.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/picbed-")).forEach(picbedJars::add);
            assertTrue(war.stream().filter(e -> !e.isDirectory()).noneMatch(e -> e.getName().startsWith("WEB-INF/classes/")
                    && !e.getName().startsWith("WEB-INF/classes/org/picbed/sample/shop/")), "only the shop's own classes");
        }
        assertEquals(List.of("WEB-INF/lib/picbed-client-" + version() + ".jar", "WEB-INF/lib/picbed-taglib-" + version() + ".jar"),
                picbedJars.stream().sorted().toList());
    }

    @Test
    void aProductSoldThroughTheShopShowsItsPictureDecodedWithEverySrcsetCandidateResolving() throws Exception {
        byte[] photo = Corpus.photo(1600, 1200);
        String id = Corpus.sha256(photo);
        Path file = Files.createTempFile("maple-chair", ".jpg");
        Files.write(file, photo);
        try (SampleShop shop = SampleShop.start(SHOP_PORT)) {
            ChromeDriver driver = Browser.open(1280, 900);
            try {
                driver.get(shop.uri().toString());
                driver.findElement(By.name("name")).sendKeys("Maple chair");
                driver.findElement(By.name("picture")).sendKeys(file.toString());
                driver.findElement(By.cssSelector("#sell button")).click();
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                wait.until(d -> d.getCurrentUrl().contains("/product?n="));

                // the product page: the tag had no size from the page, it asked picbed's metadata API
                WebElement picture = driver.findElement(By.id("picture"));
                wait.until(d -> decoded(driver, picture));
                assertEquals("1200", picture.getDomAttribute("width"), "rs:fit:1200:1200 of 1600x1200 renders 1200 wide");
                assertEquals("900", picture.getDomAttribute("height"));
                List<Candidate> candidates = candidates(picture.getDomAttribute("srcset"));
                assertEquals(List.of(400, 800, 1200), candidates.stream().map(Candidate::width).toList());
                for (Candidate c : candidates) {
                    assertEquals(c.width(), widthOf(c.url()), "srcset candidate " + c.url());
                    assertTrue(c.url().contains("/" + id + "."), c.url());
                }
                String current = (String) ((JavascriptExecutor) driver).executeScript("return arguments[0].currentSrc", picture);
                assertTrue(candidates.stream().anyMatch(c -> c.url().equals(current)), "the browser chose a candidate: " + current);

                // the EL functions: og:image (a signed variant), the icon (a preset), the original
                String ogImage = driver.findElement(By.cssSelector("meta[property='og:image']")).getAttribute("content");
                BufferedImage og = image(ogImage);
                assertEquals(1200, og.getWidth());
                assertEquals(630, og.getHeight());
                assertEquals(200, get(driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).statusCode());
                HttpResponse<byte[]> original = get(driver.findElement(By.id("original")).getAttribute("href"));
                assertEquals(id, Corpus.sha256(original.body()), "the original link serves the uploaded bytes");

                // the storefront: the new product's card, sized from what the upload answered
                driver.get(shop.uri().toString());
                WebElement card = driver.findElement(By.cssSelector("img.card__picture"));
                wait.until(d -> decoded(driver, card));
                assertEquals("480", card.getDomAttribute("width"));
                assertEquals("480", card.getDomAttribute("height"));
                for (Candidate c : candidates(card.getDomAttribute("srcset"))) {
                    BufferedImage variant = image(c.url());
                    assertEquals(c.width(), variant.getWidth(), c.url());
                    assertEquals(c.width(), variant.getHeight(), "a square fill stays square: " + c.url());
                }
                Browser.screenshot(driver, "sample-shop");
            } finally {
                driver.quit();
            }
        }
    }

    @Test
    void aPictureThatIsNotAnImageIsRefusedByPicbedAndTheShopSaysSo() throws Exception {
        Path file = Files.createTempFile("not-an-image", ".jpg");
        Files.writeString(file, "this is text, not a JPEG");
        try (SampleShop shop = SampleShop.start(SHOP_PORT)) {
            String boundary = "b" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBroken\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"x.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n" + Files.readString(file) + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(shop.uri().resolve("sell"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(422, answer.statusCode());
            assertTrue(answer.body().contains("unsupported_format"), "picbed's problem code reaches the seller");
            String storefront = HTTP.send(HttpRequest.newBuilder(shop.uri()).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(storefront.contains("No products yet."), "nothing was added");
        }
    }

    private record Candidate(String url, int width) {
    }

    private static List<Candidate> candidates(String srcset) {
        List<Candidate> list = new ArrayList<>();
        for (String item : srcset.split(",\\s*")) {
            String[] parts = item.trim().split("\\s+");
            list.add(new Candidate(parts[0], Integer.parseInt(parts[1].replace("w", ""))));
        }
        return list;
    }

    private static boolean decoded(ChromeDriver driver, WebElement img) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }

    private static int widthOf(String url) throws Exception {
        return image(url).getWidth();
    }

    private static BufferedImage image(String url) throws Exception {
        HttpResponse<byte[]> response = get(url);
        assertEquals(200, response.statusCode(), url);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("image/"), url);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertTrue(image != null, "decodes: " + url);
        return image;
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String version() {
        return System.getProperty("picbed.it.version", "0.1.0-SNAPSHOT");
    }
}
