package org.picbed.image;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.web.PublicUrl;
import org.picbed.auth.UploadToken;
import org.picbed.auth.UploadTokens;
import org.picbed.auth.Uploader;
import org.picbed.batch.BatchWork;
import org.picbed.batch.Rules;
import org.picbed.error.PicbedException;
import org.picbed.image.format.ImageLimits;
import org.picbed.variant.render.RenderException;
import org.picbed.web.Authentication;
import org.picbed.web.JsonBuilders;
import org.picbed.web.MultipartStream;
import org.picbed.web.Problems;
import org.picbed.web.RequestText;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/images}: multipart/form-data with one or more {@code file} parts, a raw image body
 * (optional {@code X-Filename}), or JSON {@code {"url": ..., "rules": [...]}} to fetch one image now (safely, see
 * {@link org.picbed.fetch.SafeFetcher}). Each part streams from the socket into {@link Images#ingest}; the answer lists
 * every file in request order. One file: its own status (201, 200 or the rejection's problem+json); several: 207
 * unless all share one status. An {@code Idempotency-Key} replays the first answer to retries. A browser may send
 * files with an upload token instead of an API key ({@link Authentication}): the request is claimed and each file
 * counted ({@link UploadTokens}) and held to the token's scope.
 * {@code GET /api/images} pages through the media library ({@link ImageLibrary}).
 */
@WebServlet(urlPatterns = "/api/images")
public class UploadServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(UploadServlet.class.getName());
    static final String FIELD = "file";
    private static final int MAX_URL_REQUEST = 64 * 1024;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Images images;

    @Inject
    Idempotency idempotency;

    @Inject
    BatchWork batchWork;

    @Inject
    ImageLibrary library;

    @Inject
    UploadTokens uploadTokens;

    /**
     * {@code GET /api/images?limit=&cursor=&q=}: the media library, newest first, {@code limit} (1-200, 50) per
     * page; {@code next_cursor} (null on the last page) asks for the next; {@code q} is an id prefix or a part of a
     * file name.
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ImageLibrary.Page page = library.page(limit(request.getParameter("limit")), request.getParameter("cursor"),
                    request.getParameter("q"));
            String base = publicUrl.base(request);
            JsonArrayBuilder images = JsonBuilders.array();
            page.images().forEach(entry -> images.add(ImageJson.listed(base, entry)));
            JsonObjectBuilder body = JsonBuilders.object().add("images", images);
            page.nextCursor().ifPresentOrElse(cursor -> body.add("next_cursor", cursor), () -> body.addNull("next_cursor"));
            Problems.writeJson(response, 200, body.build().toString());
        } catch (PicbedException e) {
            Problems.write(response, e);
        } catch (RuntimeException e) {
            Problems.writeInternalError(response, e);
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return ImageLibrary.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new PicbedException(400, "invalid_limit", "limit is a whole number, 1 to " + ImageLibrary.MAX_LIMIT);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Uploader uploader = Authentication.caller(request);
            String key = Optional.ofNullable(request.getHeader("Idempotency-Key")).map(String::trim)
                    .map(Idempotency::requireValidKey).orElse(null);
            if (key != null) {
                Optional<IdempotentResponse> first = idempotency.find(uploader, key);
                if (first.isPresent()) {
                    response.setHeader("Idempotent-Replayed", "true");
                    Problems.writeJson(response, first.get().status(), first.get().body());
                    return;
                }
            }
            int status;
            String body;
            if (isJson(request.getContentType())) {
                BatchWork.Made made = importUrl(request, uploader);
                status = made.image().created() ? 201 : 200;
                body = urlBody(request, made).toString();
            } else {
                Optional<UploadToken> token = Authentication.uploadToken(request);
                token.ifPresent(uploadTokens::claim);
                List<Outcome> outcomes = receive(request, uploader, key, token);
                status = status(outcomes);
                body = body(request, outcomes, status).toString();
            }
            if (key != null && status < 500) {
                idempotency.remember(uploader, key, status, body);
            }
            Problems.writeJson(response, status, body);
        } catch (PicbedException e) {
            Problems.write(response, e);
        } catch (IOException e) {
            if (response.isCommitted()) {
                throw e;
            }
            LOG.log(Level.WARNING, "upload failed on I/O (client gone, or the blob volume failing)", e);
            Problems.write(response, 503, "unavailable", "the upload could not be stored right now; retry later");
        } catch (RuntimeException e) {
            Problems.writeInternalError(response, e);
        }
    }

    /**
     * Every file of the request, in order. With an upload token each file is counted against its {@code max_files}
     * before it is read, and is ingested under the token's narrower limits (bytes per file, formats).
     */
    private List<Outcome> receive(HttpServletRequest request, Uploader uploader, String key, Optional<UploadToken> token)
            throws IOException {
        ImageLimits limits = token.map(t -> images.limits().narrowed(t.scope().maxBytes(), t.scope().formats()))
                .orElse(images.limits());
        List<Outcome> outcomes = new ArrayList<>();
        Optional<String> boundary = MultipartStream.boundary(request.getContentType());
        if (boundary.isPresent()) {
            MultipartStream parts = new MultipartStream(request.getInputStream(), boundary.get());
            for (Optional<MultipartStream.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
                MultipartStream.Part part = next.get();
                if (part.filename() == null || !FIELD.equals(part.fieldName())) {
                    continue;
                }
                outcomes.add(ingest(part.body(), part.filename(), uploader, key, token, limits));
            }
            if (outcomes.isEmpty()) {
                throw new PicbedException(400, "no_file", "send the image as a multipart part named '" + FIELD + "'");
            }
        } else if (isImageBody(request.getContentType())) {
            outcomes.add(ingest(request.getInputStream(), filenameHeader(request), uploader, key, token, limits));
        } else {
            throw new PicbedException(415, "unsupported_media_type",
                    "send multipart/form-data with '" + FIELD + "' parts, or a raw image body (Content-Type image/*)");
        }
        return outcomes;
    }

    private Outcome ingest(InputStream in, String clientName, Uploader uploader, String key, Optional<UploadToken> token,
                           ImageLimits limits) throws IOException {
        try {
            token.ifPresent(uploadTokens::countFile);
            return Outcome.of(images.ingest(in, clientName, uploader, key, limits));
        } catch (PicbedException e) {
            if ("malformed_request".equals(e.code())) {
                throw e; // the request itself is broken: no later part can be read
            }
            return Outcome.rejected(clientName, e);
        }
    }

    /** {@code {"url": "https://...", "rules": [...], "keep_original": false}}: fetched now, safely. */
    private BatchWork.Made importUrl(HttpServletRequest request, Uploader uploader) throws IOException {
        String text = RequestText.read(request.getInputStream(), MAX_URL_REQUEST, 413, "request_too_large",
                "the JSON is larger than 64 KiB");
        JsonObject json;
        try (var reader = Json.createReader(new java.io.StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new PicbedException(400, "invalid_request", "send {\"url\": \"https://...\"} (optionally \"rules\": [...])");
        }
        if (!(json.get("url") instanceof JsonString url)) {
            throw new PicbedException(400, "invalid_request", "'url' (a string) is required");
        }
        List<String> rules = Rules.strings(json.get("rules"), "rules");
        try {
            return batchWork.importUrl(url.getString(), rules, json.getBoolean("keep_original", false), uploader);
        } catch (RenderException e) {
            throw new PicbedException(422, "unprocessable", "the rules could not be applied to this image");
        }
    }

    private JsonObject urlBody(HttpServletRequest request, BatchWork.Made made) {
        JsonArrayBuilder applied = JsonBuilders.array();
        made.applied().forEach(applied::add);
        JsonObjectBuilder image = ImageJson.describe(publicUrl.base(request), made.image().image())
                .add("status", made.image().created() ? "created" : "exists")
                .add("filename", made.image().displayName())
                .add("applied", applied);
        if (made.originalId() != null) {
            image.add("original", made.originalId().hex());
        }
        return JsonBuilders.object().add("images", JsonBuilders.array().add(image)).build();
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static boolean isImageBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || type.startsWith("application/octet-stream");
    }

    private static String filenameHeader(HttpServletRequest request) {
        String name = request.getHeader("X-Filename");
        if (name == null) {
            return null;
        }
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    static int status(List<Outcome> outcomes) {
        int first = outcomes.get(0).status();
        boolean same = outcomes.stream().allMatch(o -> o.status() == first);
        return same ? first : 207;
    }

    private JsonObject body(HttpServletRequest request, List<Outcome> outcomes, int status) {
        String base = publicUrl.base(request);
        JsonArrayBuilder list = JsonBuilders.array();
        for (Outcome outcome : outcomes) {
            list.add(outcome.json(base));
        }
        if (status >= 400) {
            PicbedException first = outcomes.get(0).error();
            return Problems.body(first).add("images", list).build();
        }
        return JsonBuilders.object().add("images", list).build();
    }

    /** One file's result: the stored image, or why it was refused. */
    record Outcome(Images.Ingested ingested, String clientName, PicbedException error) {

        static Outcome of(Images.Ingested ingested) {
            return new Outcome(ingested, null, null);
        }

        static Outcome rejected(String clientName, PicbedException error) {
            if (error.status() >= 500) {
                LOG.log(Level.WARNING, "upload failed: " + error.getMessage(), error);
            }
            return new Outcome(null, clientName, error);
        }

        int status() {
            return error != null ? error.status() : ingested.created() ? 201 : 200;
        }

        JsonObjectBuilder json(String base) {
            if (error != null) {
                JsonObjectBuilder entry = JsonBuilders.object().add("status", "rejected");
                safeName(clientName).ifPresent(n -> entry.add("filename", n));
                return entry.add("error", JsonBuilders.object().add("code", error.code()).add("detail", error.publicMessage()));
            }
            return ImageJson.describe(base, ingested.image())
                    .add("status", ingested.created() ? "created" : "exists")
                    .add("filename", ingested.displayName());
        }

        /** A rejected file's name is echoed only in its display form (it may be the reason it was rejected). */
        private static Optional<String> safeName(String raw) {
            try {
                return DisplayNames.of(raw);
            } catch (PicbedException e) {
                return Optional.empty();
            }
        }
    }
}
