package org.picbed.client;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import org.picbed.client.url.ImageIds;
import org.picbed.client.url.PicbedUrls;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * picbed's HTTP API from Java ({@code java.net.http}): uploads (files, raw bytes, URLs), groups, image metadata
 * and the media library, deletes, upload tokens for browsers. Thread-safe; build one per picbed and share it.
 * <p>
 * Refusals are {@link PicbedProblemException}s carrying picbed's problem+json. A 503 or 429 is retried with
 * exponential back-off (honouring {@code Retry-After}), as are connection failures; every upload carries an
 * {@code Idempotency-Key} (one is made up when the caller gives none), so a retried upload gets the first answer
 * and never stores twice.
 *
 * <pre>{@code
 * PicbedClient picbed = PicbedClient.builder().url("https://img.example.com").apiKey(System.getenv("PICBED_API_KEY")).build();
 * Images.Uploaded photo = picbed.upload(Path.of("shoe.jpg")).first();
 * String thumb = picbed.urls().preset(photo.id(), "thumb", "auto");
 * }</pre>
 */
public final class PicbedClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI api;
    private final String apiKey;
    private final PicbedUrls urls;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration firstBackOff;
    private final Duration maxBackOff;

    private PicbedClient(Builder b) {
        this.api = URI.create(Objects.requireNonNull(b.apiUrl != null ? b.apiUrl : b.url, "picbed's URL is required").replaceAll("/+$", ""));
        this.apiKey = b.apiKey;
        this.urls = b.urls != null ? b.urls : b.url != null ? PicbedUrls.from(b.settings).withBase(b.url) : PicbedUrls.from(b.settings);
        this.http = b.http != null ? b.http : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.timeout = b.timeout;
        this.maxAttempts = b.maxAttempts;
        this.firstBackOff = b.firstBackOff;
        this.maxBackOff = b.maxBackOff;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From settings: {@code url} (picbed's public URL), {@code api.url} (where the API is reached, default
     * {@code url}), {@code api-key}, {@code client.max-attempts} (4), {@code client.timeout-seconds} (60), and the
     * URL settings of {@link PicbedUrls#from} (signing keys, presets).
     */
    public static PicbedClient from(PicbedSettings settings) {
        Builder b = builder().settings(settings);
        settings.get("url").or(() -> settings.get("public-url")).ifPresent(b::url);
        settings.get("api.url").ifPresent(b::apiUrl);
        settings.get("api-key").ifPresent(b::apiKey);
        b.maxAttempts(settings.getInt("client.max-attempts", 4));
        b.timeout(Duration.ofSeconds(settings.getInt("client.timeout-seconds", 60)));
        return b.build();
    }

    /** The URL builder (originals, presets, signed variants) with this client's public URL and keys. */
    public PicbedUrls urls() {
        return urls;
    }

    // ---- uploads

    /** One file, as multipart (its name is kept as display metadata). */
    public Images.UploadResult upload(Path file) {
        return upload(Upload.files(file));
    }

    /** Bytes as a raw body ({@code Content-Type} from the file name's extension; picbed sniffs the bytes anyway). */
    public Images.UploadResult upload(byte[] bytes, String filename) {
        return upload(Upload.bytes(bytes, filename));
    }

    /** An upload built with {@link Upload}: several files, raw bytes or a source URL, with an idempotency key. */
    public Images.UploadResult upload(Upload upload) {
        String key = upload.idempotencyKey != null ? upload.idempotencyKey : newIdempotencyKey();
        HttpResponse<String> response = send(() -> upload.request(api.resolve("/api/images"))
                .header("Idempotency-Key", key), true);
        JsonObject body = json(response);
        List<Images.Uploaded> images = body.getJsonArray("images").getValuesAs(JsonObject.class).stream()
                .map(Images.Uploaded::of).toList();
        boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
        return new Images.UploadResult(response.statusCode(), images, replayed);
    }

    /** What to send to {@code POST /api/images}. */
    public static final class Upload {

        private final Supplier<HttpRequest.Builder> body;
        private String idempotencyKey;

        private Upload(Supplier<HttpRequest.Builder> body) {
            this.body = body;
        }

        /** Files as one multipart request, each a {@code file} part; the answer lists them in order. */
        public static Upload files(Path... files) {
            return files(List.of(files));
        }

        public static Upload files(List<Path> files) {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no files to upload");
            }
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("not a file: " + file);
                }
            }
            return new Upload(() -> {
                Multipart multipart = new Multipart();
                try {
                    for (Path file : files) {
                        multipart.file("file", file);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return HttpRequest.newBuilder().header("Content-Type", multipart.contentType()).POST(multipart.body());
            });
        }

        /** Bytes in memory as a raw body with {@code X-Filename}. */
        public static Upload bytes(byte[] bytes, String filename) {
            byte[] copy = bytes.clone();
            return new Upload(() -> {
                HttpRequest.Builder b = HttpRequest.newBuilder()
                        .header("Content-Type", imageType(filename)).POST(HttpRequest.BodyPublishers.ofByteArray(copy));
                if (filename != null && !filename.isEmpty()) {
                    b.header("X-Filename", URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
                }
                return b;
            });
        }

        /** picbed fetches the image from a public URL, optionally applying rules ({@code rs:fit:2048:2048}, ...). */
        public static Upload url(String source, String... rules) {
            JsonArrayBuilder ruleArray = Json.createArrayBuilder();
            for (String rule : rules) {
                ruleArray.add(rule);
            }
            String json = Json.createObjectBuilder().add("url", source).add("rules", ruleArray).build().toString();
            return new Upload(() -> HttpRequest.newBuilder().header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** The {@code Idempotency-Key}: a retry with the same key gets the first answer (default: a random one). */
        public Upload idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        HttpRequest.Builder request(URI uri) {
            return body.get().uri(uri);
        }

        private static String imageType(String filename) {
            String type = filename == null ? "application/octet-stream" : Multipart.contentType(Path.of(filename));
            return type.startsWith("image/") ? type : "application/octet-stream";
        }
    }

    // ---- groups

    /**
     * Submits a group ({@code POST /api/groups}): tasks by URL or upload, rules, priority, callback. Answers the
     * group's id; {@link #group} follows it.
     */
    public GroupReceipt submit(Group group) {
        JsonObject body = json(send(() -> group.request().uri(api.resolve("/api/groups"))
                .header("Idempotency-Key", newIdempotencyKey()), true));
        return new GroupReceipt(body.getString("id"), body.getString("state", "running"), body.getInt("tasks", 0));
    }

    /** The group's state and each task's ({@code GET /api/groups/<id>}). */
    public GroupStatus group(String id) {
        return GroupStatus.of(json(send(() -> get("/api/groups/" + encode(id)), false)));
    }

    /** What {@code POST /api/groups} answered. */
    public record GroupReceipt(String id, String state, int tasks) {
    }

    /** A group's progress: {@code running} until every task is {@code done} or {@code failed}. */
    public record GroupStatus(String id, String state, int total, int finished, int failed, List<Task> tasks, JsonObject json) {

        /** One task: its state, the stored image (when done) or the problem code (when failed). */
        public record Task(int position, String state, Optional<String> image, Optional<String> errorCode) {
        }

        public boolean done() {
            return "done".equals(state);
        }

        static GroupStatus of(JsonObject o) {
            List<Task> tasks = new ArrayList<>();
            for (JsonObject t : o.getJsonArray("tasks").getValuesAs(JsonObject.class)) {
                tasks.add(new Task(t.getInt("position"), t.getString("state"), Optional.ofNullable(t.getString("image", null)),
                        t.containsKey("error") ? Optional.of(t.getJsonObject("error").getString("code", "")) : Optional.empty()));
            }
            return new GroupStatus(o.getString("id"), o.getString("state"), o.getInt("tasks_total", tasks.size()),
                    o.getInt("tasks_finished", 0), o.getInt("tasks_failed", 0), List.copyOf(tasks), o);
        }
    }

    /** A group to submit: URL tasks and upload tasks (sent as multipart), each with optional rules. */
    public static final class Group {

        private final List<JsonObjectBuilder> tasks = new ArrayList<>();
        private final List<Path> files = new ArrayList<>();
        private String priority;
        private String callback;

        public Group url(String source, String... rules) {
            tasks.add(Json.createObjectBuilder().add("url", source).add("rules", array(rules)));
            return this;
        }

        public Group upload(Path file, String... rules) {
            files.add(file);
            tasks.add(Json.createObjectBuilder().add("upload", "f" + files.size()).add("rules", array(rules)));
            return this;
        }

        /** {@code high} or {@code low} (default). */
        public Group priority(String priority) {
            this.priority = priority;
            return this;
        }

        /** An http(s) URL picbed POSTs the finished group to (HMAC-signed). */
        public Group callback(String url) {
            this.callback = url;
            return this;
        }

        HttpRequest.Builder request() {
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("a group needs at least one task");
            }
            JsonArrayBuilder taskArray = Json.createArrayBuilder();
            tasks.forEach(task -> taskArray.add(task.build()));
            JsonObjectBuilder group = Json.createObjectBuilder().add("tasks", taskArray);
            if (priority != null) {
                group.add("priority", priority);
            }
            if (callback != null) {
                group.add("callback", callback);
            }
            String json = group.build().toString();
            if (files.isEmpty()) {
                return HttpRequest.newBuilder().header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            }
            Multipart multipart = new Multipart().field("group", "application/json", json);
            try {
                for (int i = 0; i < files.size(); i++) {
                    multipart.file("f" + (i + 1), files.get(i));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return HttpRequest.newBuilder().header("Content-Type", multipart.contentType()).POST(multipart.body());
        }

        private static JsonArrayBuilder array(String... values) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (String v : values) {
                a.add(v);
            }
            return a;
        }
    }

    // ---- images

    /** An image's metadata, or empty when picbed has no such image. */
    public Optional<Images.Info> image(String id) {
        try {
            return Optional.of(Images.Info.of(json(send(() -> get("/api/images/" + ImageIds.check(id)), false))));
        } catch (PicbedProblemException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A page of the media library, newest first ({@code cursor}: null, or the previous page's next cursor). */
    public Images.Page images(int limit, String cursor, String query) {
        StringBuilder path = new StringBuilder("/api/images?limit=").append(limit);
        if (cursor != null) {
            path.append("&cursor=").append(encode(cursor));
        }
        if (query != null && !query.isEmpty()) {
            path.append("&q=").append(encode(query));
        }
        JsonObject body = json(send(() -> get(path.toString()), false));
        return new Images.Page(body.getJsonArray("images").getValuesAs(JsonObject.class).stream().map(Images.Listed::of).toList(),
                body.isNull("next_cursor") ? Optional.empty() : Optional.of(body.getString("next_cursor")));
    }

    /** Deletes the image at every site (its variants too); true when it existed. */
    public boolean delete(String id) {
        try {
            send(() -> HttpRequest.newBuilder(api.resolve("/api/images/" + ImageIds.check(id))).DELETE(), true);
            return true;
        } catch (PicbedProblemException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    // ---- upload tokens

    /**
     * Issues an upload token for a browser ({@code POST /api/upload-tokens}): hand it out as
     * {@code Authorization: Bearer <token>} or as the upload page's link {@code /upload?token=<token>}.
     */
    public UploadToken issueUploadToken(UploadToken.Scope scope) {
        String json = scope.json();
        JsonObject body = json(send(() -> HttpRequest.newBuilder(api.resolve("/api/upload-tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), true));
        return UploadToken.of(body, api);
    }

    // ---- HTTP

    private HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(api.resolve(pathAndQuery)).GET();
    }

    /**
     * Sends with the API key, retrying 503/429 and connection failures with back-off; a 4xx/5xx answer after the
     * last attempt is thrown as a problem. {@code unsafe}: a POST/DELETE, only retried when the request is
     * idempotent by construction (uploads carry an Idempotency-Key; deletes and token requests are safe to repeat
     * or fail visibly).
     */
    private HttpResponse<String> send(Supplier<HttpRequest.Builder> request, boolean unsafe) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder builder = request.get().timeout(timeout).header("Accept", "application/json, application/problem+json");
            if (apiKey != null) {
                builder.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> response;
            try {
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new UncheckedIOException("picbed at " + api + " did not answer: " + e.getMessage(), e);
                }
                pause(backOff(attempt, null));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while talking to picbed", e);
            }
            int status = response.statusCode();
            if (status < 400) {
                return response;
            }
            Duration retryAfter = retryAfter(response).orElse(null);
            if ((status == 503 || status == 429) && attempt < maxAttempts) {
                pause(backOff(attempt, retryAfter));
                continue;
            }
            JsonObject problem = null;
            try {
                problem = json(response);
            } catch (RuntimeException notJson) {
                // a proxy's HTML error page: keep the status
            }
            throw PicbedProblemException.of(status, problem, retryAfter);
        }
    }

    /** Exponential with full jitter from {@code firstBackOff}, capped; at least what Retry-After asked. */
    Duration backOff(int attempt, Duration retryAfter) {
        long cap = Math.min(maxBackOff.toMillis(), firstBackOff.toMillis() << Math.min(attempt - 1, 20));
        long wait = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        return retryAfter != null && retryAfter.toMillis() > wait ? retryAfter : Duration.ofMillis(wait);
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String v = value.trim();
            if (v.matches("[0-9]{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            }
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalStateException("picbed answered " + response.statusCode() + " with a body that is not JSON");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String newIdempotencyKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "pbc-" + HexFormat.of().formatHex(bytes);
    }

    /** How a client is made: picbed's URL and API key at least. */
    public static final class Builder {

        private String url;
        private String apiUrl;
        private String apiKey;
        private PicbedUrls urls;
        private PicbedSettings settings = PicbedSettings.of(java.util.Map.of());
        private HttpClient http;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxAttempts = 4;
        private Duration firstBackOff = Duration.ofMillis(500);
        private Duration maxBackOff = Duration.ofSeconds(30);

        /** picbed's public URL, e.g. {@code https://img.example.com} (images' URLs start with it). */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Where the API is reached when it differs from the public URL (e.g. an internal address). */
        public Builder apiUrl(String apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        /** An API key ({@code PICBED_API_KEYS} on the server), or an upload token for uploads only. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Signing keys and presets for {@link #urls()} are read from these settings (see {@link PicbedUrls#from}). */
        public Builder settings(PicbedSettings settings) {
            this.settings = settings;
            return this;
        }

        /** A URL builder of one's own (replaces {@link #settings}). */
        public Builder urls(PicbedUrls urls) {
            this.urls = urls;
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        /** Per request (default 60 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Tries per request, the first included (default 4; 1 = no retries). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The first retry waits about this long (default 500 ms), then twice as long each time, up to {@code max}. */
        public Builder backOff(Duration first, Duration max) {
            this.firstBackOff = first;
            this.maxBackOff = max;
            return this;
        }

        public PicbedClient build() {
            return new PicbedClient(this);
        }
    }

    @Override
    public String toString() {
        return "PicbedClient[" + api + (apiKey == null ? ", no key" : "") + "]";
    }
}
