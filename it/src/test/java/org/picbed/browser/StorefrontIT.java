package org.picbed.browser;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.picbed.it.Browser;
import org.picbed.it.Corpus;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.ShopApi;
import org.picbed.it.TestServer;
import org.picbed.server.DemoPictures;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storefront in a real headless Chromium: every grid picture decodes, the browser picks the srcset candidate
 * the viewport needs (and that candidate really is that wide), and an admin who replaces a picture gets a new URL
 * on the product page while the old URL keeps serving the old bytes. Screenshots go to it/target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorefrontIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void theGridShowsEveryProductPictureDecodedAndSized() throws Exception {
        Path pictures = Files.createTempDirectory("picbed-demo");
        DemoPictures.main(new String[] {pictures.toString()});
        List<String> slugs = new ArrayList<>();
        String[][] products = {{"Stoneware mug", "18.00", "mug-1"}, {"Canvas tote", "24.50", "tote-1"},
                {"Desk lamp", "89.00", "lamp-1"}, {"Potted fern", "32.00", "fern-1"}, {"Notebook", "12.90", "notebook-1"}};
        for (String[] p : products) {
            String slug = ShopApi.create(p[0] + " " + suffix(), p[1]).getString("slug");
            ShopApi.addPicture(slug, Files.readAllBytes(pictures.resolve(p[2] + ".jpg")), "Grid picture: " + p[0]);
            slugs.add(slug);
        }
        ChromeDriver driver = Browser.open(1280, 1000);
        try {
            driver.get(TestServer.uri("/shop/").toString());
            for (String slug : slugs) {
                WebElement img = driver.findElement(By.cssSelector("article[data-slug='" + slug + "'] img"));
                assertEquals("async", img.getDomAttribute("decoding"));
                assertTrue(img.getDomAttribute("srcset").contains(" 320w"), img.getDomAttribute("srcset"));
                assertFalse(img.getDomAttribute("sizes").isEmpty());
                assertEquals("800", img.getDomAttribute("width"), "the card's 4:3 crop at its widest");
                assertEquals("600", img.getDomAttribute("height"));
                assertTrue(img.getDomAttribute("alt").startsWith("Grid picture"));
            }
            // lazy pictures load as they come into view: scroll through the whole grid
            JavascriptExecutor js = driver;
            js.executeScript("window.scrollTo(0, document.body.scrollHeight)");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> (Boolean) js.executeScript(
                    "const imgs=[...document.querySelectorAll('.product-card img')];"
                            + "imgs.forEach(i => i.scrollIntoView());"
                            + "return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0)"));
            long shown = (Long) js.executeScript("return document.querySelectorAll('.product-card img').length");
            assertTrue(shown >= slugs.size(), "every product has its picture in the grid");
            js.executeScript("window.scrollTo(0, 0)");
            Path shot = Browser.screenshot(driver, "shop-grid");
            System.out.println("StorefrontIT: grid screenshot " + shot.toAbsolutePath());
        } finally {
            driver.quit();
        }
    }

    @Test
    void theBrowserPicksTheSrcsetCandidateTheViewportNeeds() throws Exception {
        String slug = ShopApi.create("Srcset mug " + suffix(), "49.00").getString("slug");
        Path pictures = Files.createTempDirectory("picbed-demo");
        DemoPictures.main(new String[] {pictures.toString()});
        ShopApi.addPicture(slug, Files.readAllBytes(pictures.resolve("mug-1.jpg")), "A teal mug");
        ShopApi.addPicture(slug, Files.readAllBytes(pictures.resolve("mug-2.jpg")), "The mug from the side");
        List<Integer> widths = new ArrayList<>();
        // the main picture's slot (its sizes): 92vw on a phone, 40rem (640 px) on a desktop
        for (int windowWidth : new int[] {420, 1400}) {
            ChromeDriver driver = Browser.open(windowWidth, 1000);
            try {
                driver.get(TestServer.uri("/shop/p/" + slug).toString());
                JavascriptExecutor js = driver;
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) js.executeScript(
                        "const i=document.getElementById('main-image'); return i.complete && i.naturalWidth > 0"));
                WebElement main = driver.findElement(By.id("main-image"));
                Map<String, Integer> candidates = candidates(main.getDomAttribute("srcset"));
                long viewport = (Long) js.executeScript("return window.innerWidth");
                double slot = viewport >= 1152 ? 640 : viewport >= 896 ? 0.55 * viewport : 0.92 * viewport;
                int wanted = candidates.values().stream().filter(w -> w >= slot).min(Integer::compare).orElseThrow();
                String current = (String) js.executeScript("return document.getElementById('main-image').currentSrc");
                String chosen = URI.create(current).getRawPath();
                assertTrue(candidates.containsKey(chosen), "the browser took a srcset candidate: " + current);
                assertEquals(wanted, candidates.get(chosen), "a " + viewport + " px viewport gives a " + slot
                        + " px slot: the narrowest candidate that fills it is " + wanted + "w");
                long pixels = (Long) js.executeAsyncScript("const done=arguments[arguments.length-1];"
                        + "fetch(document.getElementById('main-image').currentSrc).then(r => r.blob())"
                        + ".then(b => createImageBitmap(b)).then(b => done(b.width))");
                assertEquals(wanted, pixels, "the candidate really is as wide as its descriptor");
                widths.add(wanted);
                assertEquals(2, driver.findElements(By.cssSelector(".gallery__thumbs img")).size());
                if (windowWidth == 1400) {
                    Path shot = Browser.screenshot(driver, "shop-product");
                    System.out.println("StorefrontIT: product screenshot " + shot.toAbsolutePath());
                    // a thumbnail shows its picture large in place: same page, the other image, decoded
                    String firstPicture = main.getDomAttribute("data-picture");
                    WebElement second = driver.findElements(By.cssSelector(".gallery__thumbs a")).get(1);
                    String secondPicture = second.getDomAttribute("data-picture");
                    js.executeScript("window.marker = 'same page'");
                    second.click();
                    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) js.executeScript(
                            "const i=document.getElementById('main-image');"
                                    + "return i.dataset.picture === arguments[0] && i.complete && i.naturalWidth > 0", secondPicture));
                    assertNotEquals(firstPicture, secondPicture);
                    assertEquals("same page", js.executeScript("return window.marker"), "no page load");
                    assertTrue(driver.getCurrentUrl().endsWith("?picture=" + secondPicture), driver.getCurrentUrl());
                    assertEquals("true", second.getDomAttribute("aria-current"));
                } else {
                    Browser.screenshot(driver, "shop-product-phone");
                }
            } finally {
                driver.quit();
            }
        }
        assertTrue(widths.get(0) < widths.get(1), "a phone gets a narrower picture than a desktop: " + widths);
    }

    @Test
    void anAdminReplacesAPictureAndTheOldUrlStillServesTheOldBytes() throws Exception {
        Path dir = Files.createTempDirectory("picbed-shop");
        byte[] front = Corpus.photo(1400, 1050);
        byte[] side = Corpus.photo(1050, 1400);
        byte[] replacement = Corpus.photo(1200, 1200);
        Path frontFile = Files.write(dir.resolve("front.jpg"), front);
        Path sideFile = Files.write(dir.resolve("side.jpg"), side);
        Path replacementFile = Files.write(dir.resolve("new-front.jpg"), replacement);
        String name = "Replaced vase " + suffix();

        ChromeDriver driver = Browser.open(1280, 1400);
        try {
            JavascriptExecutor js = driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class); // pages reload after each form
            driver.get(TestServer.uri("/shop/admin/").toString());
            assertTrue(driver.getCurrentUrl().contains("/shop/login"), "the admin needs a login: " + driver.getCurrentUrl());
            driver.findElement(By.id("username")).sendKeys(TestServer.adminUser());
            driver.findElement(By.id("password")).sendKeys("not-the-password");
            driver.findElement(By.id("login")).click();
            // the refusal is a new page: wait for it rather than look before it has loaded
            WebElement refused = wait.until(d -> d.findElements(By.cssSelector(".flash--error")).stream().findFirst().orElse(null));
            assertTrue(refused.getText().contains("Wrong"), refused.getText());
            driver.findElement(By.id("username")).sendKeys(TestServer.adminUser());
            driver.findElement(By.id("password")).sendKeys(TestServer.adminPassword());
            driver.findElement(By.id("login")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/shop/admin/"));

            // create the product, add two pictures in one go, put the second first
            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.id("price")).sendKeys("39.00");
            driver.findElement(By.cssSelector("#create-product button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().contains("/shop/admin/p/"));
            String slug = driver.getCurrentUrl().replaceAll(".*/shop/admin/p/([^/#?]+).*", "$1");
            driver.findElement(By.id("files")).sendKeys(frontFile + "\n" + sideFile);
            driver.findElement(By.cssSelector("#add-pictures button[type=submit]")).click();
            wait.until(d -> d.findElements(By.cssSelector("#pictures .picture")).size() == 2);
            List<WebElement> pictures = driver.findElements(By.cssSelector("#pictures .picture"));
            assertEquals(Corpus.sha256(front), pictures.get(0).getDomAttribute("data-image"));
            assertEquals(Corpus.sha256(side), pictures.get(1).getDomAttribute("data-image"));
            pictures.get(1).findElement(By.cssSelector(".move-up")).click();
            wait.until(d -> Corpus.sha256(side).equals(firstPicture(d)));
            assertEquals(List.of(Corpus.sha256(side), Corpus.sha256(front)),
                    ShopApi.get(slug).getJsonArray("pictures").stream().map(p -> p.asJsonObject().getString("image")).toList(),
                    "the new order is stored");

            // a forged POST (no CSRF token) changes nothing, even from the logged-in browser
            Object forged = js.executeAsyncScript("const done=arguments[arguments.length-1];"
                    + "fetch('/shop/admin/p/" + slug + "/delete',{method:'POST',body:new URLSearchParams({_csrf:'forged'}),redirect:'manual'})"
                    + ".then(r => done(r.type)).catch(e => done(String(e)))");
            assertEquals("opaqueredirect", forged);
            assertEquals(name, ShopApi.get(slug).getString("name"), "the product survived the forged delete");

            // what the product page shows before the replacement: its cover's URLs and bytes
            driver.get(TestServer.uri("/shop/p/" + slug).toString());
            wait.until(d -> (Boolean) js.executeScript("const i=document.getElementById('main-image'); return i.complete && i.naturalWidth > 0"));
            String oldSrc = (String) js.executeScript("return document.getElementById('main-image').currentSrc");
            assertTrue(oldSrc.contains(Corpus.sha256(side)), oldSrc);
            byte[] oldVariant = bytes(oldSrc);

            // replace the cover
            driver.get(TestServer.uri("/shop/admin/p/" + slug).toString());
            WebElement cover = driver.findElements(By.cssSelector("#pictures .picture")).get(0);
            cover.findElement(By.cssSelector(".replace-form input[type=file]")).sendKeys(replacementFile.toString());
            cover.findElement(By.cssSelector(".replace-form button[type=submit]")).click();
            wait.until(d -> Corpus.sha256(replacement).equals(firstPicture(d)));
            assertTrue(driver.findElement(By.cssSelector(".flash--ok")).getText().contains("new URL"));

            driver.get(TestServer.uri("/shop/p/" + slug).toString());
            wait.until(d -> (Boolean) js.executeScript("const i=document.getElementById('main-image'); return i.complete && i.naturalWidth > 0"));
            String newSrc = (String) js.executeScript("return document.getElementById('main-image').currentSrc");
            assertTrue(newSrc.contains(Corpus.sha256(replacement)), "the page shows the new picture: " + newSrc);
            assertNotEquals(oldSrc, newSrc);
            assertFalse(driver.getPageSource().contains(Corpus.sha256(side)), "the page no longer names the old image");

            assertArrayEquals(oldVariant, bytes(oldSrc), "the old variant URL still serves the old picture");
            assertArrayEquals(side, bytes(TestServer.uri("/i/" + Corpus.sha256(side)).toString()),
                    "the old original URL still serves the old bytes");
            Browser.screenshot(driver, "shop-product-replaced");
        } finally {
            driver.quit();
        }
    }

    /** srcset "url 320w, url 640w" -> path -> width. */
    private static Map<String, Integer> candidates(String srcset) {
        Map<String, Integer> byPath = new TreeMap<>();
        for (String candidate : srcset.split(",\\s*")) {
            String[] parts = candidate.trim().split("\\s+");
            byPath.put(URI.create(parts[0]).getRawPath(), Integer.parseInt(parts[1].replace("w", "")));
        }
        return byPath;
    }

    private static byte[] bytes(String url) throws Exception {
        HttpResponse<byte[]> response = TestServer.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "image/webp,*/*"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L), 36);
    }

    /** The image id of the first picture in the admin list, or null while the page is (re)loading. */
    private static String firstPicture(WebDriver driver) {
        List<WebElement> pictures = driver.findElements(By.cssSelector("#pictures .picture"));
        return pictures.isEmpty() ? null : pictures.get(0).getDomAttribute("data-image");
    }
}
