package org.picbed.api;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.picbed.client.Multipart;
import org.picbed.client.url.UrlSignatures;
import org.picbed.it.Await;
import org.picbed.it.Corpus;
import org.picbed.it.Origin;
import org.picbed.it.PicbedDeployment;
import org.picbed.it.TestServer;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * picbed answers as its OpenAPI document says: every documented operation is called (one scenario, in order), every
 * answer's status is one the document lists for the operation and its JSON body validates against the document's
 * schema (JSON Schema 2020-12, networknt's validator); a request to an {@code /api} path the document does not have
 * fails the test. {@code OpenApiDocumentTest} (web-module) checks the other direction: no endpoint in the code is
 * left out of the document.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    private static final String DOCUMENT_IRI = "https://picbed.org/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PicbedDeployment.ear();
    }

    private JsonObject document;
    private SchemaRegistry schemas;
    private final Map<String, Pattern> templates = new LinkedHashMap<>();
    private final Set<String> exercised = new TreeSet<>();

    @Test
    void everyDocumentedOperationAnswersAsDocumented() throws Exception {
        HttpResponse<String> docAnswer = TestServer.get("/api/openapi.json");
        assertEquals(200, docAnswer.statusCode());
        document = TestServer.json(docAnswer.body());
        assertTrue(document.getString("openapi").startsWith("3.1."));
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(DOCUMENT_IRI, docAnswer.body())));
        for (String path : document.getJsonObject("paths").keySet()) {
            templates.put(path, template(path));
        }
        Schema health = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#/paths/~1api~1health/get/responses/200/content/application~1json/schema"));
        assertTrue(!health.validate("{\"status\":\"MAYBE\",\"node\":\"n\",\"checks\":{}}", InputFormat.JSON).isEmpty()
                && !health.validate("{\"node\":\"n\"}", InputFormat.JSON).isEmpty(), "the schemas do refuse wrong answers");
        check("GET", "/api/openapi.json", docAnswer);
        String key = "Bearer " + TestServer.apiKey();
        String admin = TestServer.adminAuthorization();

        // operations
        call("GET", "/api/health", null, null, null, 200);
        call("GET", "/api/metrics", null, null, null, 200);

        // uploads: several files, one raw body, one URL; errors are problems
        byte[] photo = Corpus.photo(640, 480);
        Multipart two = new Multipart().file("file", "a.jpg", "image/jpeg", photo)
                .file("file", "notes.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8));
        call("POST", "/api/images", key, two.contentType(), two.body(), 207);
        String id = Corpus.sha256(photo);
        byte[] second = Corpus.photo(320, 240);
        String secondId = Corpus.sha256(second);
        call("POST", "/api/images", key, "image/jpeg", HttpRequest.BodyPublishers.ofByteArray(second), 201);
        call("POST", "/api/images", key, "image/jpeg", HttpRequest.BodyPublishers.ofString("text"), 415);
        call("POST", "/api/images", "Bearer wrong", "image/jpeg", HttpRequest.BodyPublishers.ofByteArray(second), 401);
        try (Origin origin = new Origin()) {
            String url = origin.put("openapi-" + System.nanoTime() + ".jpg", Corpus.photo(200, 100));
            call("POST", "/api/images", key, "application/json",
                    HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"rules\":[\"rs:fit:100:100\"]}"), 201);
        }

        // images
        call("GET", "/api/images?limit=2", key, null, null, 200);
        call("GET", "/api/images/" + id, null, null, null, 200);
        call("GET", "/api/images/" + "0".repeat(64), null, null, null, 404);
        call("POST", "/api/images/" + id + "/variants/rerender", key, null, HttpRequest.BodyPublishers.noBody(), 202);

        // image URLs
        call("GET", "/i/" + id, null, null, null, 200);
        call("GET", "/i/" + id + ".jpg", null, null, null, 200);
        call("GET", "/i/" + id + "/thumb.webp", null, null, null, 200);
        String signed = "/rs:fill:120:80/g:sm/" + id + ".png";
        UrlSignatures signer = UrlSignatures.of(System.getProperty("picbed.it.signing.key"),
                System.getProperty("picbed.it.signing.salt"), 32, false);
        call("GET", "/v/" + signer.sign(signed) + signed, null, null, null, 200);
        call("GET", "/v/" + "A".repeat(43) + signed, null, null, null, 403);

        // upload tokens
        String scope = "{\"expires_in\": 600, \"max_files\": 2, \"formats\": [\"jpeg\"]}";
        call("POST", "/api/upload-tokens", key, "application/json", HttpRequest.BodyPublishers.ofString(scope), 201);
        call("POST", "/api/admin/upload-tokens", admin, "application/json", HttpRequest.BodyPublishers.ofString(scope), 201);

        // groups
        Multipart group = new Multipart().field("group", "application/json",
                "{\"priority\":\"high\",\"tasks\":[{\"upload\":\"p1\",\"rules\":[\"rs:fit:64:64\"]}]}")
                .file("p1", "g.jpg", "image/jpeg", Corpus.photo(128, 96));
        String groupId = TestServer.json(call("POST", "/api/groups", key, group.contentType(), group.body(), 202).body()).getString("id");
        Await.until("the group finishes", Duration.ofSeconds(60), () ->
                TestServer.json(call("GET", "/api/groups/" + groupId, key, null, null, 200).body()).getString("state").equals("done"));

        // purges
        String purge = TestServer.json(call("POST", "/api/admin/purges", admin, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"image\":\"" + id + "\"}"), 202).body()).getString("id");
        call("GET", "/api/admin/purges/" + purge, admin, null, null, 200);
        call("GET", "/api/purges/" + purge, admin, null, null, 200);
        call("POST", "/api/admin/purges", admin, "application/json", HttpRequest.BodyPublishers.ofString("{\"nothing\":1}"), 400);

        // the operator's views and actions
        call("GET", "/api/admin/sites", admin, null, null, 200);
        call("POST", "/api/admin/storage/scrub?seconds=2", admin, null, HttpRequest.BodyPublishers.noBody(), 200);
        call("GET", "/api/admin/storage", admin, null, null, 200);
        call("GET", "/api/admin/storage", null, null, null, 401);
        call("GET", "/api/admin/overview", admin, null, null, 200);
        call("GET", "/api/admin/overview", null, null, null, 401);
        call("GET", "/api/admin/dlq", admin, null, null, 200);
        String queue = "picbed.callbacks";
        call("POST", "/api/admin/dlq/" + queue + "/redrive", admin, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"ids\":[\"ID:" + java.util.UUID.randomUUID() + "\"]}"), 200);
        call("POST", "/api/admin/dlq/" + queue + "/discard", admin, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"ids\":[\"ID:" + java.util.UUID.randomUUID() + "\"]}"), 200);
        call("DELETE", "/api/admin/dlq/" + queue + "?id=" + URLEncoder.encode("ID:" + java.util.UUID.randomUUID(), StandardCharsets.UTF_8), admin, null, null, 200);
        call("GET", "/api/admin/dlq/actions", admin, null, null, 200);
        call("POST", "/api/admin/images/" + id + "/rerender", admin, null, HttpRequest.BodyPublishers.noBody(), 202);
        call("DELETE", "/api/admin/images/" + secondId, admin, null, null, 204);
        byte[] third = Corpus.photo(100, 100);
        call("POST", "/api/images", key, "image/jpeg", HttpRequest.BodyPublishers.ofByteArray(third), 201);
        call("DELETE", "/api/images/" + Corpus.sha256(third), key, null, null, 204);

        // the demo shop
        String slug = TestServer.json(call("POST", "/api/shop/products", admin, "application/json", HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"Lamp " + System.nanoTime() + "\",\"description\":\"A lamp\",\"price\":\"12.50\",\"currency\":\"EUR\"}"), 201).body())
                .getString("slug");
        call("GET", "/api/shop/products", admin, null, null, 200);
        call("GET", "/api/shop/products/" + slug, admin, null, null, 200);
        call("PUT", "/api/shop/products/" + slug, admin, "application/json", HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"Lamp\",\"description\":\"A brighter lamp\",\"price\":14,\"currency\":\"EUR\"}"), 200);
        JsonObject first = TestServer.json(call("POST", "/api/shop/products/" + slug + "/pictures?alt=front", admin, "image/jpeg",
                HttpRequest.BodyPublishers.ofByteArray(Corpus.photo(300, 200)), 201).body());
        JsonObject other = TestServer.json(call("POST", "/api/shop/products/" + slug + "/pictures?alt=side", admin, "image/jpeg",
                HttpRequest.BodyPublishers.ofByteArray(Corpus.photo(200, 300)), 201).body());
        call("PUT", "/api/shop/products/" + slug + "/pictures/" + first.getInt("id"), admin, "image/jpeg",
                HttpRequest.BodyPublishers.ofByteArray(Corpus.photo(310, 200)), 200);
        call("PUT", "/api/shop/products/" + slug + "/order", admin, "application/json", HttpRequest.BodyPublishers.ofString(
                "{\"order\":[" + other.getInt("id") + "," + first.getInt("id") + "]}"), 200);
        call("DELETE", "/api/shop/products/" + slug, admin, null, null, 204);

        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(METHODS::contains).forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> notExercised = new TreeSet<>(documented);
        notExercised.removeAll(exercised);
        assertTrue(notExercised.isEmpty(), "documented but not exercised: " + notExercised);
        System.out.printf("OpenApiIT: %d documented operations, %d exercised, every answer valid%n", documented.size(), exercised.size());
    }

    /** Sends, then checks the answer against the document (and the status the scenario expects). */
    private HttpResponse<String> call(String method, String pathAndQuery, String authorization, String contentType,
                                      HttpRequest.BodyPublisher body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestServer.uri(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = TestServer.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), method + " " + pathAndQuery + ": " + response.body());
        check(method, pathAndQuery, response);
        return response;
    }

    private void check(String method, String pathAndQuery, HttpResponse<String> response) {
        String path = pathAndQuery.replaceAll("\\?.*$", "");
        // a literal segment wins over a parameter (/api/admin/dlq/actions, not /api/admin/dlq/{queue})
        String template = templates.entrySet().stream().filter(e -> e.getValue().matcher(path).matches())
                .map(Map.Entry::getKey).min(java.util.Comparator.comparingLong(t -> t.chars().filter(c -> c == '{').count()))
                .orElse(null);
        if (template == null) {
            fail("not in the OpenAPI document: " + method + " " + path);
        }
        JsonValue item = document.getJsonObject("paths").getJsonObject(template).get(method.toLowerCase(Locale.ROOT));
        if (item == null) {
            fail("the document has no " + method + " for " + template);
        }
        String status = Integer.toString(response.statusCode());
        JsonObject responses = item.asJsonObject().getJsonObject("responses");
        if (!responses.containsKey(status)) {
            fail(method + " " + template + " answered " + status + ", which the document does not list: " + responses.keySet());
        }
        exercised.add(method + " " + template);
        String type = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*$", "").trim().toLowerCase(Locale.ROOT);
        JsonObject content = responses.getJsonObject(status).getJsonObject("content");
        if (content == null) {
            assertTrue(response.body().isEmpty(), method + " " + template + " " + status + " has no body in the document");
            return;
        }
        String documentedType = content.keySet().stream().filter(t -> t.equals(type)
                || (t.endsWith("/*") && type.startsWith(t.substring(0, t.length() - 1)))).findFirst().orElse(null);
        assertTrue(documentedType != null, method + " " + template + " " + status + " answered " + type + ", documented: " + content.keySet());
        if (type.endsWith("json")) {
            String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status
                    + "/content/" + escape(documentedType) + "/schema";
            Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer));
            List<Error> errors = schema.validate(response.body(), InputFormat.JSON);
            if (!errors.isEmpty()) {
                List<String> messages = new ArrayList<>();
                errors.forEach(e -> messages.add(e.toString()));
                fail(method + " " + template + " " + status + " does not match its schema: " + messages + "\n" + response.body());
            }
        }
    }

    /** A path template as a pattern: a parameter is one segment; {@code {options}} of /v/ may span several. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(last, m.start())));
            regex.append(m.group(1).equals("options") ? "(?:.+)" : "[^/]+");
            last = m.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }
}
