package org.picbed.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The typed answers of picbed's image API. */
public final class Images {

    private Images() {
    }

    /**
     * One file of an upload: {@code created} (new), {@code exists} (the same bytes were stored before) or
     * {@code rejected} (then {@link #error()} says why and nothing else is set).
     */
    public record Uploaded(String status, String id, String format, int width, int height, int frames, long bytes,
                           String url, String filename, Optional<Problem> error) {

        public boolean stored() {
            return !"rejected".equals(status);
        }

        static Uploaded of(JsonObject o) {
            Optional<Problem> error = o.containsKey("error") && o.get("error").getValueType() == JsonValue.ValueType.OBJECT
                    ? Optional.of(Problem.of(o.getJsonObject("error"))) : Optional.empty();
            if (o.containsKey("code") && error.isEmpty() && "rejected".equals(o.getString("status", ""))) {
                error = Optional.of(Problem.of(o));
            }
            return new Uploaded(o.getString("status", "created"), o.getString("id", null), o.getString("format", null),
                    o.getInt("width", 0), o.getInt("height", 0), o.getInt("frames", 0),
                    o.containsKey("bytes") ? o.getJsonNumber("bytes").longValue() : 0, o.getString("url", null),
                    o.getString("filename", null), error);
        }
    }

    /** Why one file of an upload was refused: the problem code and detail, with the status a single file gets. */
    public record Problem(int status, String code, String detail) {
        static Problem of(JsonObject o) {
            return new Problem(o.getInt("status", 0), o.getString("code", ""), o.getString("detail", ""));
        }
    }

    /**
     * What an upload answered: every file in order; {@code replayed} when picbed answered a retry with the first
     * answer for the same {@code Idempotency-Key}.
     */
    public record UploadResult(int status, List<Uploaded> images, boolean replayed) {

        /** The only (or first) file's result. */
        public Uploaded first() {
            return images.get(0);
        }
    }

    /** An image's metadata ({@code GET /api/images/<id>}). */
    public record Info(String id, String format, int width, int height, int frames, long bytes, String url,
                       Instant created, String originSite, List<String> filenames) {
        static Info of(JsonObject o) {
            return new Info(o.getString("id"), o.getString("format"), o.getInt("width"), o.getInt("height"),
                    o.getInt("frames", 1), o.getJsonNumber("bytes").longValue(), o.getString("url"),
                    Instant.parse(o.getString("createdAt")), o.getString("originSite", null),
                    o.getJsonArray("uploads").getValuesAs(JsonObject.class).stream().map(u -> u.getString("filename", null)).toList());
        }
    }

    /** One entry of the media library. */
    public record Listed(String id, String format, int width, int height, long bytes, String url, String name,
                         Instant created, String originSite) {
        static Listed of(JsonObject o) {
            return new Listed(o.getString("id"), o.getString("format"), o.getInt("width"), o.getInt("height"),
                    o.getJsonNumber("bytes").longValue(), o.getString("url"),
                    o.isNull("name") ? null : o.getString("name"), Instant.parse(o.getString("created")),
                    o.getString("origin_site", null));
        }
    }

    /** A page of the media library, newest first; {@code nextCursor} is empty on the last page. */
    public record Page(List<Listed> images, Optional<String> nextCursor) {
    }
}
