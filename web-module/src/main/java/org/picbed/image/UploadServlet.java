package org.picbed.image;

import jakarta.inject.Inject;
import org.picbed.web.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.auth.ApiKeys;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;
import org.picbed.web.MultipartStream;
import org.picbed.web.Problems;

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
 * {@code POST /api/images}: multipart/form-data with one or more {@code file} parts, or a raw image body
 * (optional {@code X-Filename}). Each part streams from the socket into {@link Images#ingest}; the answer lists
 * every file in request order. One file: its own status (201, 200 or the rejection's problem+json); several: 207
 * unless all share one status. An {@code Idempotency-Key} replays the first answer to retries.
 */
@WebServlet(urlPatterns = "/api/images")
public class UploadServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(UploadServlet.class.getName());
    static final String FIELD = "file";

    @Inject
    Images images;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Idempotency idempotency;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Uploader uploader = apiKeys.authenticate(request.getHeader("Authorization"));
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
            List<Outcome> outcomes = receive(request, uploader, key);
            int status = status(outcomes);
            String body = body(request, outcomes, status).toString();
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

    private List<Outcome> receive(HttpServletRequest request, Uploader uploader, String key) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        Optional<String> boundary = MultipartStream.boundary(request.getContentType());
        if (boundary.isPresent()) {
            MultipartStream parts = new MultipartStream(request.getInputStream(), boundary.get());
            for (Optional<MultipartStream.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
                MultipartStream.Part part = next.get();
                if (part.filename() == null || !FIELD.equals(part.fieldName())) {
                    continue;
                }
                outcomes.add(ingest(part.body(), part.filename(), uploader, key));
            }
            if (outcomes.isEmpty()) {
                throw new PicbedException(400, "no_file", "send the image as a multipart part named '" + FIELD + "'");
            }
        } else if (isImageBody(request.getContentType())) {
            outcomes.add(ingest(request.getInputStream(), filenameHeader(request), uploader, key));
        } else {
            throw new PicbedException(415, "unsupported_media_type",
                    "send multipart/form-data with '" + FIELD + "' parts, or a raw image body (Content-Type image/*)");
        }
        return outcomes;
    }

    private Outcome ingest(InputStream in, String clientName, Uploader uploader, String key) throws IOException {
        try {
            return Outcome.of(images.ingest(in, clientName, uploader, key));
        } catch (PicbedException e) {
            if ("malformed_request".equals(e.code())) {
                throw e; // the request itself is broken: no later part can be read
            }
            return Outcome.rejected(clientName, e);
        }
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

    private static JsonObject body(HttpServletRequest request, List<Outcome> outcomes, int status) {
        String base = ImageJson.baseUrl(request);
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
