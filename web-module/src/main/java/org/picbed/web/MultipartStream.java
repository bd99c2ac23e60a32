package org.picbed.web;

import org.picbed.error.PicbedException;
import org.picbed.image.format.ByteSearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A streaming multipart/form-data reader (RFC 7578): each part's body is an InputStream read straight from the
 * request, with the boundary found by a word-at-a-time scan over a large buffer, so parsing costs a fraction of
 * hashing the same bytes. Nothing is buffered to disk or memory beyond one 64 KiB window.
 */
public final class MultipartStream {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private PartBody current;
    private boolean finished;

    public MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the first boundary has no CRLF before it: start the window with one so every delimiter looks the same
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /** The boundary parameter of a multipart/form-data Content-Type, if that is what it is. */
    public static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        String boundary = parameters(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw malformed("the multipart boundary is missing or too long");
        }
        return Optional.of(boundary);
    }

    /** The next part, or empty after the last; the rest of the previous part is skipped. */
    public Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (current == null) {
            current = new PartBody(); // the preamble before the first boundary
        }
        current.skipRest();
        require(2);
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        skipLinearWhitespace();
        require(2);
        if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw malformed("the multipart boundary line is malformed");
        }
        pos += 2;
        Map<String, String> headers = headers();
        Map<String, String> disposition = parameters(headers.getOrDefault("content-disposition", ""));
        current = new PartBody();
        return Optional.of(new Part(disposition.get("name"), filename(disposition), headers.get("content-type"), current));
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            int end = lineEnd();
            int length = end - pos;
            total += length + 2;
            if (total > MAX_HEADER_BYTES) {
                throw malformed("the multipart part headers are too long");
            }
            if (length == 0) {
                pos += 2;
                return headers;
            }
            String line = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos = end + 2;
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
    }

    /**
     * Index of the CR of the next CRLF, reading more as needed. Only the header limit's worth of bytes after
     * {@code pos} is searched: how much a read happened to bring in (often the next file's bytes too) does not count.
     */
    private int lineEnd() throws IOException {
        int from = pos;
        while (true) {
            int to = Math.min(limit - 1, pos + MAX_HEADER_BYTES + 2);
            int cr = ByteSearch.indexOf(buf, from, to, (byte) '\r');
            if (cr >= 0 && buf[cr + 1] == '\n') {
                return cr;
            }
            if (cr >= 0) {
                from = cr + 1; // a lone CR: look on
                continue;
            }
            if (to < limit - 1) {
                throw malformed("the multipart part headers are too long");
            }
            from = Math.max(pos, limit - 1);
            int before = pos;
            if (!fill()) {
                throw malformed("the multipart body ends inside part headers");
            }
            from -= before - pos;
        }
    }

    private void skipLinearWhitespace() throws IOException {
        while (true) {
            require(1);
            if (buf[pos] != ' ' && buf[pos] != '\t') {
                return;
            }
            pos++;
        }
    }

    private void require(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                throw malformed("the multipart body ends early");
            }
        }
    }

    /** Moves unread bytes to the front and reads more; false at the end of the request. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            throw malformed("the multipart body is malformed");
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private static String filename(Map<String, String> disposition) {
        String extended = disposition.get("filename*");
        if (extended != null) {
            int quote = extended.indexOf("''");
            if (quote > 0 && extended.substring(0, quote).equalsIgnoreCase("utf-8")) {
                try {
                    return URLDecoder.decode(extended.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw malformed("the part's filename* is malformed");
                }
            }
        }
        return disposition.get("filename");
    }

    /** {@code type; a=b; c="d"} parameters, names lower-cased; quoted values unescaped. */
    static Map<String, String> parameters(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            StringBuilder value = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        c = header.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                j = header.indexOf(';', j);
            } else {
                int end = header.indexOf(';', j);
                value.append(header, j, end < 0 ? header.length() : end);
                j = end;
            }
            params.putIfAbsent(name, value.toString().trim());
            i = j;
        }
        return params;
    }

    private static PicbedException malformed(String detail) {
        return new PicbedException(400, "malformed_request", detail);
    }

    /** One part: its form field name, the client's file name (may be null), declared type, and body. */
    public record Part(String fieldName, String filename, String contentType, InputStream body) {
    }

    /** A part's bytes up to the next delimiter. */
    private final class PartBody extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int found = findDelimiter();
                int safe = found >= 0 ? found : Math.max(pos, limit - delimiter.length + 1);
                if (safe > pos) {
                    int n = Math.min(len, safe - pos);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    return n;
                }
                if (found == pos) {
                    pos += delimiter.length;
                    done = true;
                    return -1;
                }
                if (!fill()) {
                    throw malformed("the multipart body ends inside a part");
                }
            }
        }

        private int findDelimiter() {
            int last = limit - delimiter.length;
            int from = pos;
            while (from <= last) {
                int cr = ByteSearch.indexOf(buf, from, last + 1, (byte) '\r');
                if (cr < 0) {
                    return -1;
                }
                if (Arrays.equals(buf, cr, cr + delimiter.length, delimiter, 0, delimiter.length)) {
                    return cr;
                }
                from = cr + 1;
            }
            return -1;
        }

        void skipRest() throws IOException {
            byte[] scratch = new byte[BUFFER];
            while (read(scratch, 0, scratch.length) >= 0) {
                // discard
            }
        }
    }
}
