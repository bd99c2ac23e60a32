package org.picbed.client;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.client.url.PicbedUrls;
import org.picbed.it.Await;
import org.picbed.it.Corpus;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestDatabase;
import org.picbed.it.TestServer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** picbed-client against a real picbed: every call of the upload client, its typed answers and its errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PicbedClientIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    private static PicbedClient client(String key) {
        return client(key, 4);
    }

    private static PicbedClient client(String key, int attempts) {
        return PicbedClient.builder().url(TestServer.uri("").toString()).apiKey(key)
                .settings(PicbedSettings.of(Map.of("signing.key", System.getProperty("picbed.it.signing.key"),
                        "signing.salt", System.getProperty("picbed.it.signing.salt"))))
                .maxAttempts(attempts).backOff(Duration.ofMillis(100), Duration.ofSeconds(2)).build();
    }

    @Test
    void anUploadWhilePicbedCannotStoreIsRetriedUntilItCan() throws Exception {
        byte[] bytes = Corpus.uniqueJpeg();
        CompletableFuture<Images.UploadResult> retried;
        TestDatabase.stop();
        try {
            Await.until("picbed answers 503 without its database", Duration.ofSeconds(60), () -> {
                try {
                    client(TestServer.apiKey(), 1).upload(Corpus.uniqueJpeg(), "while-down.jpg");
                    return false;
                } catch (PicbedProblemException e) {
                    return e.status() == 503 && e.retryAfter().isPresent();
                }
            });
            retried = CompletableFuture.supplyAsync(() -> client(TestServer.apiKey(), 40).upload(bytes, "retried.jpg"));
            Thread.sleep(3000);
            if (retried.isDone()) {
                fail("the upload ended while picbed could not store: " + retried.handle((r, e) -> e != null ? e.toString() : r.toString()).join());
            }
        } finally {
            TestDatabase.start();
        }
        Images.UploadResult result = retried.get(180, TimeUnit.SECONDS);
        assertEquals("created", result.first().status());
        assertEquals(Corpus.sha256(bytes), result.first().id());
        assertTrue(picbed.image(result.first().id()).isPresent());
    }

    private final PicbedClient picbed = client(TestServer.apiKey());

    @Test
    void severalFilesInOneUploadComeBackInOrderWithMixedOutcomes() throws Exception {
        Path a = Files.write(Files.createTempFile("a", ".jpg"), Corpus.photo(320, 200));
        Path bad = Files.writeString(Files.createTempFile("notes", ".png"), "not a picture");
        Images.UploadResult result = picbed.upload(PicbedClient.Upload.files(a, bad));
        assertEquals(207, result.status());
        assertEquals(2, result.images().size());
        Images.Uploaded first = result.images().get(0);
        assertEquals("created", first.status());
        assertEquals(Corpus.sha256(Files.readAllBytes(a)), first.id());
        assertEquals(320, first.width());
        assertEquals(200, first.height());
        assertEquals("jpeg", first.format());
        assertEquals(a.getFileName().toString(), first.filename());
        Images.Uploaded second = result.images().get(1);
        assertFalse(second.stored());
        assertEquals("unsupported_format", second.error().orElseThrow().code());
    }

    @Test
    void aRetriedUploadWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        byte[] bytes = Corpus.uniqueJpeg();
        String key = "client-it-" + System.nanoTime();
        Images.UploadResult first = picbed.upload(PicbedClient.Upload.bytes(bytes, "first.jpg").idempotencyKey(key));
        Images.UploadResult again = picbed.upload(PicbedClient.Upload.bytes(bytes, "first.jpg").idempotencyKey(key));
        assertEquals(201, first.status());
        assertFalse(first.replayed());
        assertTrue(again.replayed(), "Idempotent-Replayed");
        assertEquals("created", again.first().status(), "the first answer, not 'exists'");
        assertEquals(first.first().id(), again.first().id());
        Images.UploadResult plain = picbed.upload(bytes, "other-name.jpg");
        assertEquals("exists", plain.first().status(), "a new key: the same bytes are stored once");
    }

    @Test
    void refusalsAreProblemsWithPicbedsCodes() {
        PicbedProblemException wrongKey = assertThrows(PicbedProblemException.class,
                () -> client("not-a-key").upload(Corpus.uniqueJpeg(), "x.jpg"));
        assertEquals(401, wrongKey.status());
        assertEquals("unauthorized", wrongKey.code());
        PicbedProblemException text = assertThrows(PicbedProblemException.class,
                () -> picbed.upload("plain text".getBytes(), "notes.jpg"));
        assertEquals(415, text.status());
        assertEquals("unsupported_format", text.code());
        assertTrue(picbed.image("0".repeat(64)).isEmpty(), "an unknown image is empty, not an error");
    }

    @Test
    void metadataTheLibraryAndDeleteFollowAnUpload() {
        byte[] bytes = Corpus.photo(640, 480);
        Images.Uploaded stored = picbed.upload(bytes, "library-" + System.nanoTime() + ".jpg").first();
        Images.Info info = picbed.image(stored.id()).orElseThrow();
        assertEquals(640, info.width());
        assertEquals(480, info.height());
        assertEquals(bytes.length, info.bytes());
        assertEquals(List.of(stored.filename()), info.filenames());
        Images.Page page = picbed.images(5, null, stored.filename());
        assertEquals(stored.id(), page.images().get(0).id(), "found by its file name");
        assertTrue(page.nextCursor().isEmpty());
        assertTrue(picbed.delete(stored.id()));
        assertTrue(picbed.image(stored.id()).isEmpty());
        assertFalse(picbed.delete(stored.id()), "already gone");
    }

    @Test
    void anUploadTokenLetsABrowserUploadWithinItsScope() {
        UploadToken token = picbed.issueUploadToken(new UploadToken.Scope().expiresIn(Duration.ofMinutes(5))
                .maxFiles(1).formats(List.of("jpeg")));
        assertTrue(token.token().startsWith("pbt1."));
        assertTrue(token.uploadPage().toString().contains("/upload?token="));
        PicbedClient browser = client(token.token());
        assertEquals("created", browser.upload(Corpus.uniqueJpeg(), "from-a-browser.jpg").first().status());
        PicbedProblemException second = assertThrows(PicbedProblemException.class,
                () -> browser.upload(Corpus.uniqueJpeg(), "one-too-many.jpg"));
        assertEquals("token_scope", second.code());
    }

    @Test
    void aGroupOfUploadsWithRulesIsFollowedToTheEnd() throws Exception {
        Path photo = Files.write(Files.createTempFile("group", ".jpg"), Corpus.photo(800, 600));
        PicbedClient.GroupReceipt receipt = picbed.submit(new PicbedClient.Group().upload(photo, "rs:fit:400:400")
                .priority("high"));
        Await.until("the group is done", Duration.ofSeconds(60), () -> picbed.group(receipt.id()).done());
        PicbedClient.GroupStatus status = picbed.group(receipt.id());
        assertEquals(1, status.total());
        PicbedClient.GroupStatus.Task task = status.tasks().get(0);
        assertEquals("done", task.state());
        Images.Info made = picbed.image(task.image().orElseThrow()).orElseThrow();
        assertEquals(400, made.width());
        assertEquals(300, made.height());
    }

    @Test
    void urlsBuiltByTheClientAreServed() throws Exception {
        Images.Uploaded stored = picbed.upload(Corpus.photo(900, 600), "urls.jpg").first();
        PicbedUrls urls = picbed.urls();
        HttpClient http = HttpClient.newHttpClient();
        for (String url : List.of(urls.original(stored.id()), urls.preset(stored.id(), "thumb", "jpg"),
                urls.variant(stored.id(), "rs:fill:300:200/g:sm", "webp"), urls.variant(stored.id(), "", "png"))) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), url);
            assertTrue(url.startsWith(TestServer.uri("").toString()), "absolute from the configured URL: " + url);
        }
    }
}
