package org.picbed.image;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.it.Corpus;
import org.picbed.it.ImageClient;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestServer;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/images}: the media library over HTTP, newest first, cursor pages, search. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaLibraryIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    @Test
    void cursorPagesListEachImageOnceNewestFirstAndSearchFindsThem() throws Exception {
        String tag = "library-" + System.nanoTime();
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            uploaded.add(ImageClient.upload(tag + "-" + i + ".jpg", "image/jpeg", Corpus.uniqueJpeg()));
        }

        List<String> seen = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            JsonObject page = list("limit=3&q=" + tag + (cursor == null ? "" : "&cursor=" + cursor));
            List<JsonObject> images = page.getJsonArray("images").getValuesAs(JsonObject.class);
            assertTrue(images.size() <= 3, page.toString());
            for (JsonObject image : images) {
                seen.add(image.getString("id"));
                assertTrue(image.getString("name").startsWith(tag), image.toString());
                assertEquals("jpeg", image.getString("format"));
                assertTrue(image.getJsonNumber("bytes").longValue() > 0 && image.containsKey("created")
                        && image.containsKey("origin_site") && image.getInt("width") > 0, image.toString());
            }
            cursor = page.get("next_cursor") == JsonValue.NULL ? null : page.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages, "7 images, 3 per page");
        List<String> newestFirst = new ArrayList<>(uploaded);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "each once, newest first");

        String one = uploaded.get(2);
        List<String> byPrefix = ids(list("q=" + one.substring(0, 16)));
        assertTrue(byPrefix.contains(one), "an id prefix finds the image: " + byPrefix);

        // the whole library in pages of 50: no image twice, ours among them
        Set<String> all = new HashSet<>();
        cursor = null;
        int total = 0;
        do {
            JsonObject page = list("limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
            for (String id : ids(page)) {
                assertTrue(all.add(id), "listed twice: " + id);
                total++;
            }
            cursor = page.get("next_cursor") == JsonValue.NULL ? null : page.getString("next_cursor");
        } while (cursor != null && total < 100_000);
        assertTrue(all.containsAll(uploaded), "every upload is in the library");
    }

    @Test
    void badRequestsAreClearErrors() throws Exception {
        assertEquals(400, get("limit=0").statusCode());
        assertEquals("invalid_limit", TestServer.json(get("limit=1000").body()).getString("code"));
        assertEquals("invalid_limit", TestServer.json(get("limit=ten").body()).getString("code"));
        assertEquals("invalid_cursor", TestServer.json(get("cursor=not-a-cursor").body()).getString("code"));
        HttpResponse<String> anonymous = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images")),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "the library needs an API key");
        assertTrue(ids(list("q=" + URLEncoder.encode("no such name %_\\ " + System.nanoTime(), StandardCharsets.UTF_8))).isEmpty(),
                "LIKE's own characters are taken literally");
    }

    private static JsonObject list(String query) throws Exception {
        HttpResponse<String> r = get(query);
        assertEquals(200, r.statusCode(), r.body());
        return TestServer.json(r.body());
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/images?" + query))
                .header("Authorization", "Bearer " + TestServer.apiKey()), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("images").getValuesAs(JsonObject.class).stream().map(i -> i.getString("id")).toList();
    }
}
