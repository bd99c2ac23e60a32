package org.picbed.image;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.error.PicbedException;
import org.picbed.image.format.ImageFormats;
import org.picbed.site.Originals;
import org.picbed.storage.BlobStore;
import org.picbed.storage.FileReads;
import org.picbed.variant.VariantResponder;
import org.picbed.web.GetHeadServlet;
import org.picbed.web.Immutable;
import org.picbed.web.Problems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/**
 * {@code GET|HEAD /i/<id>} and {@code /i/<id>.<ext>}: the original bytes, straight from the blob store (no
 * database on this path: the id is the key; only an id this site does not have yet asks the peer sites). Forever-cacheable (the URL names content that never changes),
 * strong ETag, 304, single byte ranges; the type comes from the stored bytes, with nosniff.
 * {@code /i/<id>/<preset>.<ext>} is a preset variant (see {@link VariantResponder}).
 */
@WebServlet(urlPatterns = "/i/*")
public class OriginalServlet extends GetHeadServlet {

    private static final int SNIFF_BYTES = 12;

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
        Optional<BlobStore.Blob> blob;
        try {
            blob = originals.find(id.get());
        } catch (PicbedException e) {
            Problems.write(response, e);
            return;
        }
        if (blob.isEmpty()) {
            notFound(response);
            return;
        }
        try (FileChannel channel = blob.get().open()) {
            Optional<ImageFormat> format = ImageFormats.sniff(FileReads.head(channel, SNIFF_BYTES));
            if (format.isEmpty() || (ext != null && !format.get().isNamedBy(ext))) {
                notFound(response);
                return;
            }
            String etag = "\"" + id.get().hex() + "\"";
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
                copy(channel, start, length, Channels.newChannel(response.getOutputStream()));
            }
        }
    }

    private static void copy(FileChannel from, long start, long length, WritableByteChannel to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, 64 * 1024));
        long position = start;
        long end = start + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int n = from.read(buffer, position);
            if (n < 0) {
                throw new IOException("blob shorter than expected");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                to.write(buffer);
            }
            position += n;
        }
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        Problems.write(response, 404, "not_found", "no such image");
    }
}
