package org.picbed.client;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A short-lived, scoped upload token for a browser: {@link #token()} as {@code Authorization: Bearer}, or
 * {@link #uploadPage()} as a link to picbed's upload page. Tokens are good for file uploads only.
 */
public record UploadToken(String token, Instant expiresAt, JsonObject scope, URI uploadPage) {

    static UploadToken of(JsonObject body, URI api) {
        String token = body.getString("token");
        return new UploadToken(token, Instant.parse(body.getString("expires_at")), body.getJsonObject("scope"),
                api.resolve("/upload?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    /** What a token allows; unset fields take picbed's defaults (15 minutes, 20 files, the server's size limit, all formats). */
    public static final class Scope {

        private final java.util.Map<String, jakarta.json.JsonValue> fields = new java.util.LinkedHashMap<>();

        public Scope expiresIn(Duration duration) {
            fields.put("expires_in", Json.createValue(duration.toSeconds()));
            return this;
        }

        /** Files over the token's life (a refused file uses none up). */
        public Scope maxFiles(int maxFiles) {
            fields.put("max_files", Json.createValue(maxFiles));
            return this;
        }

        /** Per file, at most the server's limit. */
        public Scope maxBytes(long maxBytes) {
            fields.put("max_bytes", Json.createValue(maxBytes));
            return this;
        }

        /** {@code jpeg png gif webp bmp ico heic avif}; checked on the bytes. */
        public Scope formats(List<String> formats) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            formats.forEach(a::add);
            fields.put("formats", a.build());
            return this;
        }

        /** Good for one request only. */
        public Scope singleUse(boolean singleUse) {
            fields.put("single_use", singleUse ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE);
            return this;
        }

        String json() {
            JsonObjectBuilder json = Json.createObjectBuilder();
            fields.forEach(json::add);
            return json.build().toString();
        }
    }
}
