package org.picbed.console;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.picbed.it.Await;
import org.picbed.it.Browser;
import org.picbed.it.Corpus;
import org.picbed.it.Groups;
import org.picbed.it.ImageClient;
import org.picbed.it.Origin;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestServer;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations console in a real headless Chromium against the real server: after uploads and renders every chart
 * draws its series (and those with traffic show it), the purge form turns a HIT into RENDERED, a callback that
 * could not be delivered shows up as a dead letter with its reason, is redriven from the page and is then delivered,
 * and the dashboard fits a phone's width. Screenshots go to it/target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static final List<String> CHARTS = List.of("uploads", "requests", "renders", "gate", "queues", "replication", "hot");
    private static Origin origin;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @BeforeAll
    static void startOrigin() throws Exception {
        origin = new Origin();
    }

    @AfterAll
    static void stopOrigin() throws Exception {
        origin.close();
    }

    @Test
    void theDashboardChartsTrafficPurgesAndRedrivesADeadLetter() throws Exception {
        ChromeDriver driver = Browser.open(1280, 2400);
        try {
            logIn(driver, "/admin/");
            until(driver, Duration.ofSeconds(60), d -> points(d, "uploads") > 0); // two readings taken: the charts run
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));

            // traffic while the dashboard watches: uploads, cold renders, hot hits
            String id = null;
            for (int i = 0; i < 3; i++) {
                id = ImageClient.upload("console-" + i + ".jpg", "image/jpeg", Corpus.uniqueJpeg());
                ImageClient.makeHot("/i/" + id + "/medium.jpg");
            }
            String hot = "/i/" + id + "/medium.jpg";
            for (String chart : List.of("uploads", "requests", "renders", "hot")) {
                until(driver, Duration.ofSeconds(60), d -> max(d, chart) > 0);
            }
            for (String chart : CHARTS) {
                assertTrue(points(driver, chart) > 0, chart + " draws its series");
            }

            // the purge form: the hot variant is rendered again afterwards
            assertEquals("HIT", ImageClient.header(ImageClient.get(hot), "X-Cache"));
            driver.findElement(By.id("purge-image")).sendKeys(id);
            driver.findElement(By.cssSelector("#purge-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("purge-result")).getText().startsWith("purge "));
            String purged = id;
            Await.until("the purge applied", Duration.ofSeconds(20), () -> !"HIT".equals(
                    ImageClient.header(ImageClient.get("/i/" + purged + "/small.jpg"), "X-Cache")));
            assertEquals("RENDERED", ImageClient.header(ImageClient.get(hot), "X-Cache"), "purged: neither hot nor stored");
            Browser.screenshot(driver, "dashboard");

            // a callback nobody answers ends in the dead-letter queue...
            int port = Integer.getInteger("picbed.it.callback.port", 3432);
            String source = origin.put("dlq-" + System.nanoTime() + ".jpg", Corpus.photo(200, 150));
            String group = Groups.submit("{\"callback\":\"http://127.0.0.1:" + port + "/hook\",\"tasks\":[{\"url\":\"" + source + "\"}]}");
            Await.until("the callback dead-lettered", Duration.ofSeconds(90), () -> deadLetter(group) != null);
            JsonObject letter = deadLetter(group);
            assertEquals("callback", letter.getString("kind"), letter.toString());
            assertTrue(letter.getInt("attempts") >= 1, letter.toString());
            assertTrue(letter.getString("reason").toLowerCase().contains("callback"), "the reason is kept: " + letter);
            String messageId = letter.getString("message_id");
            wait.until(d -> !d.findElements(By.cssSelector("[data-message-id='" + messageId + "']")).isEmpty());
            until(driver, Duration.ofSeconds(30), d -> max(d, "queues") > 0);
            Browser.screenshot(driver, "dashboard-dead-letter");

            // ...is redriven from the page once the receiver is up, and is then delivered
            AtomicInteger received = new AtomicInteger();
            HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
            receiver.createContext("/hook", x -> {
                x.getRequestBody().readAllBytes();
                received.incrementAndGet();
                x.sendResponseHeaders(200, -1);
                x.close();
            });
            receiver.start();
            try {
                WebElement row = driver.findElement(By.cssSelector("[data-message-id='" + messageId + "']"));
                row.findElement(By.xpath(".//button[text()='Redrive']")).click();
                Await.until("the redriven callback delivered", Duration.ofSeconds(60),
                        () -> "delivered".equals(Groups.status(group).getJsonObject("callback").getString("state")));
                assertEquals(1, received.get(), "delivered once");
                assertTrue(deadLetter(group) == null, "no longer a dead letter");
                JsonArray actions = TestServer.json(admin("/api/admin/dlq/actions").body()).getJsonArray("actions");
                JsonObject action = actions.stream().map(v -> v.asJsonObject())
                        .filter(a -> a.getString("message_id").equals(messageId)).findFirst().orElseThrow();
                assertEquals("redriven", action.getString("action"));
                assertEquals("http:" + TestServer.adminUser(), action.getString("by"), "audited with who");
                wait.until(d -> d.findElement(By.id("dlq-actions")).getText().contains(messageId));
            } finally {
                receiver.stop(0);
            }
        } finally {
            driver.quit();
        }
    }

    @Test
    void theDashboardAndTheMediaLibraryFitAPhone() throws Exception {
        String id = ImageClient.upload("phone.jpg", "image/jpeg", Corpus.uniqueJpeg());
        ChromeDriver driver = Browser.open(390, 844);
        try {
            logIn(driver, "/admin/");
            until(driver, Duration.ofSeconds(30), d -> points(d, "uploads") > 0);
            assertFitsTheWidth(driver);
            Browser.screenshot(driver, "dashboard-phone");

            driver.get(TestServer.uri("/admin/images?q=" + id.substring(0, 12)).toString());
            List<WebElement> tiles = driver.findElements(By.cssSelector(".image-grid__item a"));
            assertEquals(1, tiles.size(), "the search finds the image by its id prefix");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('.image-grid img')].every(i => i.complete && i.naturalWidth > 0)"));
            assertFitsTheWidth(driver);
            tiles.get(0).click();
            assertTrue(driver.getCurrentUrl().endsWith("/admin/images/" + id), driver.getCurrentUrl());
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("phone.jpg"), "the image page lists its uploads");
            assertFitsTheWidth(driver);
            Browser.screenshot(driver, "image-page-phone");
        } finally {
            driver.quit();
        }
    }

    private static void assertFitsTheWidth(ChromeDriver driver) {
        long scroll = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        long width = (Long) driver.executeScript("return window.innerWidth");
        assertTrue(scroll <= width, "no sideways scrolling at " + width + " px: content is " + scroll + " px wide");
    }

    private static void logIn(ChromeDriver driver, String page) {
        driver.get(TestServer.uri(page).toString());
        assertTrue(driver.getCurrentUrl().contains("/shop/login"), "the console needs a login: " + driver.getCurrentUrl());
        driver.findElement(By.id("username")).sendKeys(TestServer.adminUser());
        driver.findElement(By.id("password")).sendKeys(TestServer.adminPassword());
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals(TestServer.uri(page).toString()));
    }

    /** Waits for the page, failing with what the dashboard itself says (its status line shows script errors). */
    private static void until(ChromeDriver driver, Duration timeout, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, timeout).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            Object said = driver.executeScript("var u = document.getElementById('updated'), s = document.getElementById('status');"
                    + "return (u ? u.textContent : '') + ' | ' + (s ? s.textContent : '') + ' | uPlot ' + (typeof uPlot)"
                    + " + ' | ' + [...document.querySelectorAll('[data-chart]')].map(f => f.getAttribute('data-chart') + '='"
                    + " + f.getAttribute('data-points') + '/' + f.getAttribute('data-max')).join(' ')");
            throw new AssertionError("timed out at " + driver.getCurrentUrl() + ": " + said, e);
        }
    }

    private static long points(org.openqa.selenium.WebDriver d, String chart) {
        String value = d.findElement(By.cssSelector("[data-chart='" + chart + "']")).getAttribute("data-points");
        return value == null ? 0 : Long.parseLong(value);
    }

    private static double max(org.openqa.selenium.WebDriver d, String chart) {
        String value = d.findElement(By.cssSelector("[data-chart='" + chart + "']")).getAttribute("data-max");
        return value == null ? 0 : Double.parseDouble(value);
    }

    /** The dead letter of this group's callback, or null. */
    private static JsonObject deadLetter(String group) throws Exception {
        JsonObject dlq = TestServer.json(admin("/api/admin/dlq").body());
        return dlq.getJsonArray("queues").stream().map(v -> v.asJsonObject())
                .filter(q -> q.getString("queue").equals("picbed.callbacks"))
                .flatMap(q -> q.getJsonArray("messages").stream().map(v -> v.asJsonObject()))
                .filter(m -> group.equals(m.getString("subject", null))).findFirst().orElse(null);
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(TestServer.uri(path))
                .header("Authorization", TestServer.adminAuthorization()), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

}
