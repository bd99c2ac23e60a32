package org.picbed.batch;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.picbed.error.PicbedException;
import org.picbed.fetch.SafeFetcher;
import org.picbed.client.spec.VariantOptions;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated group submission: tasks in order (each a URL or a staged upload, with rules), the priority and an
 * optional callback URL.
 */
public record GroupRequest(List<TaskRequest> tasks, boolean high, String callbackUrl) {

    public static final int MAX_TASKS = 1000;

    /**
     * Reads and validates a submitted group: its JSON, with the file parts already staged ({@code staged}: part name
     * to staged file, {@code fileNames}: part name to the client's file name).
     *
     * @throws PicbedException 400 {@code invalid_group} (or a rule's or URL's own error) saying what is wrong
     */
    public static GroupRequest parse(String text, Map<String, String> staged, Map<String, String> fileNames,
                                     SafeFetcher fetcher, VariantOptions options) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the group is not a JSON object");
        }
        if (!(json.get("tasks") instanceof JsonArray tasks) || tasks.isEmpty() || tasks.size() > MAX_TASKS) {
            throw invalid("'tasks': a list of 1 to " + MAX_TASKS + " tasks");
        }
        String priority = string(json, "priority", "low");
        if (!priority.equals("high") && !priority.equals("low")) {
            throw invalid("'priority': high or low");
        }
        String callback = string(json, "callback", null);
        if (callback != null) {
            fetcher.checkAddress(callback);
        }
        List<String> defaultRules = Rules.strings(json.get("rules"), "rules");
        boolean defaultKeep = json.getBoolean("keep_original", false);
        List<GroupRequest.TaskRequest> list = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (!(tasks.get(i) instanceof JsonObject task)) {
                throw invalid("task " + i + " is not an object");
            }
            String url = string(task, "url", null);
            String upload = string(task, "upload", null);
            if ((url == null) == (upload == null)) {
                throw invalid("task " + i + ": give either 'url' or 'upload'");
            }
            if (url != null) {
                SafeFetcher.parse(url);
            } else if (!staged.containsKey(upload) || used.contains(upload)) {
                throw invalid("task " + i + ": no file part named '" + upload + "' (or it is used twice)");
            } else {
                used.add(upload);
            }
            List<String> rules = task.containsKey("rules") ? Rules.strings(task.get("rules"), "task " + i + " rules") : defaultRules;
            Rules.parse(rules, options);
            boolean keep = task.getBoolean("keep_original", defaultKeep);
            list.add(new GroupRequest.TaskRequest(url, upload == null ? null : fileNames.getOrDefault(upload, upload),
                    upload == null ? null : staged.get(upload), rules, keep));
        }
        return new GroupRequest(list, priority.equals("high"), callback);
    }

    private static String string(JsonObject json, String name, String fallback) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid("'" + name + "' must be a string");
        }
        return s.getString();
    }

    static PicbedException invalid(String detail) {
        return new PicbedException(400, "invalid_group", detail);
    }

    /** One image to make: from {@code url}, or from the staged upload {@code staged} (its part was {@code upload}). */
    public record TaskRequest(String url, String upload, String staged, List<String> rules, boolean keepOriginal) {
    }
}
