package org.picbed.image;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.error.PicbedException;
import org.picbed.image.format.ImageFormats;
import org.picbed.site.Originals;
import org.picbed.storage.BlobStore;
import org.picbed.variant.VariantResponder;
import org.picbed.web.GetHeadServlet;
import org.picbed.web.Immutable;
import org.picbed.web.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code GET|HEAD /i/<id>} and {@code /i/<id>.<ext>}: the original bytes, straight from the blob store (no
 * database on this path: the id is the key; only an id this site does not have yet asks the peer sites). Forever-cacheable (the URL names content that never changes),
 * strong ETag, 304, single byte ranges; the type comes from the stored bytes, with nosniff.
 * {@code /i/<id>/<preset>.<ext>} is a preset variant (see {@link VariantResponder}).
 */
@WebServlet(urlPatterns = "/i/*")
public class OriginalServlet extends GetHeadServlet {

    private static final int SNIFF_BYTES = 32;

    @Inject
    Originals originals;

    @Inject
    VariantResponder responder;

    @Override
    protected void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/").substring(1);
        if (path.isEmpty()) {
            notFound(response);
            return;
        }
        if (path.indexOf('/') >= 0) {
            responder.serve(path, false, request, response, body);
            return;
        }
        int dot = path.indexOf('.');
        String idText = dot < 0 ? path : path.substring(0, dot);
        String ext = dot < 0 ? null : path.substring(dot + 1);
        Optional<ImageId> id = ImageId.parse(idText);
        if (id.isEmpty()) {
            Problems.write(response, 400, "invalid_id", "an image id is 64 lowercase hex characters");
            return;
        }
        try {
            serveOriginal(id.get(), ext, request, response, body);
        } catch (PicbedException e) {   // e.g. the object store is unreachable: 503 while nothing is sent yet
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            Problems.write(response, e);
        }
    }

    private void serveOriginal(ImageId id, String ext, HttpServletRequest request, HttpServletResponse response, boolean body)
            throws IOException {
        Optional<BlobStore.Blob> blob = originals.findVerified(id, "original");
        if (blob.isEmpty()) {
            notFound(response);
            return;
        }
        Optional<ImageFormat> format = ImageFormats.sniff(blob.get().head(SNIFF_BYTES));
        if (format.isEmpty() || (ext != null && !format.get().isNamedBy(ext))) {
            notFound(response);
            return;
        }
        String etag = "\"" + id.hex() + "\"";
        Immutable.headers(response::setHeader, etag, format.get().mediaType());
        response.setHeader("Accept-Ranges", "bytes");
        if (Immutable.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        long size = blob.get().size();
        ByteRange range = ByteRange.parse(request.getHeader("Range"), size, request.getHeader("If-Range"), etag);
        if (range == ByteRange.UNSATISFIABLE) {
            response.setHeader("Content-Range", "bytes */" + size);
            Problems.write(response, 416, "range_not_satisfiable", "the range is outside the image");
            return;
        }
        long start = range == null ? 0 : range.start();
        long length = range == null ? size : range.length();
        if (range != null) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
        }
        response.setContentLengthLong(length);
        if (body) {
            try (InputStream in = blob.get().open(start, length)) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        Problems.write(response, 404, "not_found", "no such image");
    }
}
