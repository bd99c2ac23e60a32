package org.picbed.browser;

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
import org.picbed.it.TestServer;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload page in a real headless Chromium: pick files, watch them upload, get working URLs and previews. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadPageIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void uploadingTwoImagesAndARejectedFileShowsUrlsPreviewsAndTheReason() throws Exception {
        Path dir = Files.createTempDirectory("picbed-page");
        byte[] jpeg = Corpus.uniqueJpeg();
        Path a = Files.write(dir.resolve("holiday.jpg"), jpeg);
        Path b = Files.write(dir.resolve("logo.png"), Corpus.bytes("ok_baseline.png"));
        Path bad = Files.write(dir.resolve("notes.jpg"), "not an image".getBytes());

        ChromeDriver driver = Browser.open(1200, 1500);
        try {
            // the page holds no API key: it uploads with an upload token from its link (see UploadTokensIT)
            driver.get(TestServer.uri("/upload?token=" + uploadToken()).toString());
            driver.findElement(By.id("file-input")).sendKeys(a + "\n" + b + "\n" + bad);

            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> d.findElements(By.cssSelector(".upload-row[data-state=done]")).size() == 2
                    && d.findElements(By.cssSelector(".upload-row[data-state=rejected]")).size() == 1);
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('img.upload-preview')].every(i => i.complete && i.naturalWidth > 0)"));

            List<WebElement> urls = driver.findElements(By.cssSelector(".upload-row[data-state=done] .upload-url"));
            assertEquals(2, urls.size());
            String first = urls.get(0).getAttribute("value");
            assertTrue(first.endsWith("/i/" + Corpus.sha256(jpeg) + ".jpg"), first);
            HttpResponse<byte[]> served = TestServer.send(HttpRequest.newBuilder(java.net.URI.create(first)),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(jpeg, served.body(), "the URL the page shows serves the uploaded bytes");

            String reason = driver.findElement(By.cssSelector(".upload-row[data-state=rejected] .upload-error")).getText();
            assertTrue(reason.contains("unsupported_format") || reason.contains("not an accepted image"), reason);

            Path shot = Browser.screenshot(driver, "upload-page");
            System.out.println("UploadPageIT: screenshot " + shot.toAbsolutePath());
        } finally {
            driver.quit();
        }
    }

    private static String uploadToken() throws Exception {
        HttpResponse<String> issued = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/upload-tokens"))
                .header("Authorization", "Bearer " + TestServer.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("{}")), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, issued.statusCode(), issued.body());
        return URLEncoder.encode(TestServer.json(issued.body()).getString("token"), StandardCharsets.UTF_8);
    }
}
