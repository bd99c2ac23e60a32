package org.picbed.batch;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;
import org.picbed.web.Authentication;
import org.picbed.web.MultipartStream;
import org.picbed.web.Problems;
import org.picbed.web.RequestText;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
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
            GroupRequest group = GroupRequest.parse(json, staged, fileNames, work.fetcher(), work.options());
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

    private static String text(InputStream in) throws IOException {
        return RequestText.read(in, MAX_JSON_BYTES, 413, "group_too_large", "the group's JSON is larger than 1 MiB");
    }

    private static PicbedException invalid(String detail) {
        return new PicbedException(400, "invalid_group", detail);
    }
}
