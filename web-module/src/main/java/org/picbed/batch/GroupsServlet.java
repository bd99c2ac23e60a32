package org.picbed.batch;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;
import org.picbed.fetch.SafeFetcher;
import org.picbed.web.Authentication;
import org.picbed.web.MultipartStream;
import org.picbed.web.Problems;
import org.picbed.web.RequestText;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/groups}: a group of tasks as JSON, or as multipart/form-data with the JSON in a part named
 * {@code group} and the files its tasks name ({@code {"upload": "<part name>"}}) in other parts. Everything is
 * checked and every upload is on disk before the group is stored and queued; then 202 with the group's id.
 * {@code GET /api/groups/<id>}: the group's state and each task's (for the API key that submitted it).
 * <pre>
 * {"tasks": [{"url": "https://...", "rules": ["c:800:600", "rs:fit:400:400"]}, {"upload": "photo1"}],
 *  "rules": [...default rules...], "keep_original": false, "callback": "https://...", "priority": "high|low"}
 * </pre>
 */
@WebServlet(urlPatterns = {"/api/groups", "/api/groups/*"})
public class GroupsServlet extends HttpServlet {

    static final String GROUP_PART = "group";
    private static final int MAX_JSON_BYTES = 1024 * 1024;

    @Inject
    Batches batches;

    @Inject
    BatchStaging staging;

    @Inject
    BatchWork work;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Uploader uploader = Authentication.caller(request);
            String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
            BatchGroup group = batches.group(id).filter(g -> g.createdBy().equals(uploader.fingerprint()))
                    .orElseThrow(() -> new PicbedException(404, "not_found", "no such group"));
            Problems.writeJson(response, 200, BatchJson.group(group, batches.tasks(group.id())).toString());
        } catch (PicbedException e) {
            Problems.write(response, e);
        } catch (RuntimeException e) {
            Problems.writeInternalError(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> staged = new LinkedHashMap<>();
        Map<String, String> fileNames = new LinkedHashMap<>();
        boolean submitted = false;
        try {
            if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
                throw new PicbedException(405, "method_not_allowed", "POST to /api/groups");
            }
            Uploader uploader = Authentication.caller(request);
            String json;
            Optional<String> boundary = MultipartStream.boundary(request.getContentType());
            if (boundary.isPresent()) {
                json = readParts(new MultipartStream(request.getInputStream(), boundary.get()), staged, fileNames);
            } else if (request.getContentType() != null
                    && request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
                json = text(request.getInputStream());
            } else {
                throw new PicbedException(415, "unsupported_media_type",
                        "send the group as application/json, or multipart/form-data with a 'group' part");
            }
            GroupRequest group = parse(json, staged, fileNames);
            BatchGroup created = batches.submit(group, uploader);
            submitted = true;
            response.setHeader("Location", request.getContextPath() + "/api/groups/" + created.id());
            Problems.writeJson(response, 202, Json.createObjectBuilder().add("id", created.id()).add("state", created.state().toString())
                    .add("tasks", created.taskCount()).add("priority", created.priority())
                    .add("status_url", request.getContextPath() + "/api/groups/" + created.id()).build().toString());
        } catch (PicbedException e) {
            Problems.write(response, e);
        } catch (RuntimeException e) {
            Problems.writeInternalError(response, e);
        } finally {
            if (!submitted) {
                staged.values().forEach(staging::delete);
            }
        }
    }

    /** Stages every file part (durably) and returns the JSON part. */
    private String readParts(MultipartStream parts, Map<String, String> staged, Map<String, String> fileNames) throws IOException {
        String json = null;
        long max = work.fetcher().limits().maxBytes();
        for (Optional<MultipartStream.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
            MultipartStream.Part part = next.get();
            if (part.filename() == null) {
                if (GROUP_PART.equals(part.fieldName())) {
                    json = text(part.body());
                }
                continue;
            }
            if (part.fieldName() == null || staged.containsKey(part.fieldName())) {
                throw invalid("each file part needs its own name (tasks refer to it)");
            }
            staged.put(part.fieldName(), staging.stage(part.body(), max));
            fileNames.put(part.fieldName(), part.filename());
        }
        if (json == null) {
            throw invalid("a multipart group needs a part named '" + GROUP_PART + "' with the JSON");
        }
        return json;
    }

    private GroupRequest parse(String text, Map<String, String> staged, Map<String, String> fileNames) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the group is not a JSON object");
        }
        if (!(json.get("tasks") instanceof JsonArray tasks) || tasks.isEmpty() || tasks.size() > GroupRequest.MAX_TASKS) {
            throw invalid("'tasks': a list of 1 to " + GroupRequest.MAX_TASKS + " tasks");
        }
        String priority = string(json, "priority", "low");
        if (!priority.equals("high") && !priority.equals("low")) {
            throw invalid("'priority': high or low");
        }
        String callback = string(json, "callback", null);
        if (callback != null) {
            work.fetcher().checkAddress(callback);
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
            Rules.parse(rules, work.options());
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

    private static String text(InputStream in) throws IOException {
        return RequestText.read(in, MAX_JSON_BYTES, 413, "group_too_large", "the group's JSON is larger than 1 MiB");
    }

    private static PicbedException invalid(String detail) {
        return new PicbedException(400, "invalid_group", detail);
    }
}
