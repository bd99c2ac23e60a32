package org.picbed.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.image.Image;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageId;
import org.picbed.integrity.BlobVerifier;
import org.picbed.integrity.Corruptions;
import org.picbed.storage.BlobStore;
import org.picbed.web.JsonBuilders;
import org.picbed.web.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * The endpoint peer sites call, signed with the shared site secret ({@link SiteAuth}); only this site's own data
 * is answered (never a fallback to another peer, so requests cannot loop between sites).
 * {@code GET /internal/ping}; {@code GET /internal/blobs/<id>}: the original bytes (200), 404 when this site does
 * not have them, 410 when they were deleted here.
 */
@WebServlet(urlPatterns = "/internal/*")
public class InternalServlet extends HttpServlet {

    @Inject
    PeerClient peers;

    @Inject
    BlobStore blobs;

    @Inject
    BlobVerifier verifier;

    @Inject
    Corruptions corruptions;

    @Inject
    ImageCatalog catalog;

    private SiteAuth auth;

    @Override
    public void init() {
        auth = peers.settings().secret().map(SiteAuth::new).orElse(null);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        if (auth == null) {
            Problems.write(response, 404, "not_found", "this site has no peers");
            return;
        }
        Optional<String> caller = auth.verify(request.getHeader(SiteAuth.HEADER), "GET", path, Instant.now());
        if (caller.isEmpty() || peers.settings().peer(caller.get()).isEmpty()) {
            Problems.write(response, 401, "unauthorized", "a valid site signature is required");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (path.equals("/internal/ping")) {
            Problems.writeJson(response, 200, JsonBuilders.object().add("site", peers.settings().site()).build().toString());
        } else if (path.startsWith("/internal/blobs/")) {
            blob(path.substring("/internal/blobs/".length()), response);
        } else {
            Problems.write(response, 404, "not_found", "no such internal resource");
        }
    }

    private void blob(String idText, HttpServletResponse response) throws IOException {
        Optional<ImageId> id = ImageId.parse(idText);
        if (id.isEmpty()) {
            Problems.write(response, 400, "invalid_id", "an image id is 64 lowercase hex characters");
            return;
        }
        if (catalog.isTombstoned(id.get())) {
            Problems.write(response, 410, "deleted", "the image was deleted");
            return;
        }
        Optional<Image> image = catalog.find(id.get());
        Optional<BlobStore.Blob> blob = blobs.find(id.get());
        if (blob.isPresent() && !verifier.verify(id.get(), blob.get())) {
            corruptions.found(id.get(), "peer");   // quarantined; the peer asks again or elsewhere
            blob = Optional.empty();
        }
        if (image.isEmpty() || blob.isEmpty()) {
            Problems.write(response, 404, "not_found", "this site does not have the image");
            return;
        }
        response.setContentType("application/octet-stream");
        response.setHeader(PeerClient.CREATED_HEADER, String.valueOf(image.get().createdAt().toEpochMilli()));
        response.setHeader(PeerClient.SHA256_HEADER, id.get().hex());
        response.setContentLengthLong(blob.get().size());
        try (InputStream in = blob.get().open(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
