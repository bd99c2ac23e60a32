package org.picbed.fetch;

import org.picbed.config.Settings;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * GETs an http(s) URL for its bytes, safely: the host is resolved once here and every address it resolves to
 * must pass the {@link AddressPolicy}; the connection goes to that very address (TLS still checks the name);
 * at most {@code maxRedirects} redirects, each checked the same way; the body is streamed to the sink and cut
 * at {@code maxBytes}; the whole fetch, redirects included, must finish within {@code timeout}.
 */
public final class SafeFetcher {

    /** Limits: PICBED_FETCH_MAX_BYTES (the upload limit), PICBED_FETCH_TIMEOUT_MS (15 s), 3 redirects. */
    public record Limits(long maxBytes, long timeoutMillis, int maxRedirects) {
    }

    /** What was fetched: the last URL (after redirects), its declared type, how many bytes went to the sink. */
    public record Fetched(String url, String contentType, long bytes) {
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final AddressPolicy policy;
    private final Limits limits;

    public SafeFetcher(AddressPolicy policy, Limits limits) {
        this.policy = policy;
        this.limits = limits;
    }

    public static SafeFetcher from(Settings settings, long maxBytes) {
        return new SafeFetcher(AddressPolicy.of(settings.get("fetch.allow", "")),
                new Limits(settings.getLong("fetch.max-bytes", maxBytes), settings.getLong("fetch.timeout-ms", 15_000), 3));
    }

    public Limits limits() {
        return limits;
    }

    /**
     * @throws FetchRefused with a code: {@code source_invalid}, {@code source_not_allowed},
     *                      {@code source_unreachable}, {@code source_timeout}, {@code source_too_large},
     *                      {@code source_status}, {@code source_redirects}
     * @throws IOException  when the sink fails
     */
    public Fetched fetch(String url, OutputStream sink) throws IOException {
        long deadline = System.nanoTime() + limits.timeoutMillis() * 1_000_000L;
        URI uri = parse(url);
        for (int hop = 0; ; hop++) {
            Target target = resolve(uri);
            try (Socket socket = connect(target, deadline)) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(request("GET", uri, Map.of("Accept", "image/*", "Accept-Encoding", "identity"))
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Response response = readHead(in, deadline, socket);
                if (response.status >= 300 && response.status < 400 && response.headers.containsKey("location")) {
                    if (hop >= limits.maxRedirects()) {
                        throw FetchRefused.tooManyRedirects(limits.maxRedirects());
                    }
                    uri = parse(uri.resolve(response.headers.get("location")).toString());
                    continue;
                }
                if (response.status != 200) {
                    throw FetchRefused.status(response.status);
                }
                long length = response.contentLength();
                if (length > limits.maxBytes()) {
                    throw FetchRefused.tooLarge(limits.maxBytes());
                }
                InputStream body = "chunked".equalsIgnoreCase(response.headers.getOrDefault("transfer-encoding", ""))
                        ? new ChunkedInputStream(in) : length >= 0 ? new BoundedInputStream(in, length) : in;
                long copied = copy(body, sink, deadline, socket);
                if (length >= 0 && copied != length) {
                    throw FetchRefused.unreachable("the source closed the connection early");
                }
                return new Fetched(uri.toString(), response.headers.get("content-type"), copied);
            } catch (SocketTimeoutException e) {
                throw FetchRefused.timeout("the source did not answer within " + limits.timeoutMillis() + " ms");
            } catch (FetchRefused e) {
                throw e;
            } catch (IOException e) {
                if (e instanceof SinkFailed failed) {
                    throw failed.cause();
                }
                throw FetchRefused.unreachable("the source could not be read (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /**
     * POSTs a body to a URL under the same address rules and time limit (no redirects are followed) and returns
     * the status; for callbacks.
     *
     * @throws FetchRefused as {@link #fetch}
     */
    public int post(String url, String contentType, byte[] body, Map<String, String> headers) {
        long deadline = System.nanoTime() + limits.timeoutMillis() * 1_000_000L;
        URI uri = parse(url);
        Target target = resolve(uri);
        try (Socket socket = connect(target, deadline)) {
            Map<String, String> all = new java.util.LinkedHashMap<>();
            all.put("Accept", "*/*");
            all.put("Content-Type", contentType);
            all.put("Content-Length", String.valueOf(body.length));
            all.putAll(headers);
            OutputStream out = socket.getOutputStream();
            out.write(request("POST", uri, all).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readHead(new BufferedInputStream(socket.getInputStream()), deadline, socket).status;
        } catch (SocketTimeoutException e) {
            throw FetchRefused.timeout("the receiver did not answer within " + limits.timeoutMillis() + " ms");
        } catch (IOException e) {
            throw FetchRefused.unreachable("the receiver could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Checks a URL and the addresses its host has now, without connecting (e.g. a callback URL when submitted). */
    public void checkAddress(String url) {
        resolve(parse(url));
    }

    private record Target(String host, InetAddress address, int port, boolean tls) {
    }

    /** Only absolute http(s) URLs with a host and without credentials ({@code source_invalid} otherwise). */
    public static URI parse(String url) {
        if (url == null || url.length() > 4096) {
            throw FetchRefused.invalid("give an http or https URL of at most 4096 characters");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw FetchRefused.invalid("only http and https URLs are fetched");
            }
            if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
                throw FetchRefused.invalid("the URL has no host");
            }
            if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
                throw FetchRefused.invalid("URLs with credentials are not fetched");
            }
            hostAndPort(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw FetchRefused.invalid("not a valid URL");
        }
    }

    /**
     * Host and port (-1: the scheme's). {@link URI} leaves the host null for IPv4 shorthands such as
     * {@code 127.1} or {@code 0x7f000001} (not RFC 2396 host names), which browsers and curl do accept: those are
     * read from the authority here, so that they are checked, not missed.
     */
    static String[] hostAndPort(URI uri) {
        if (uri.getHost() != null) {
            return new String[] {uri.getHost(), String.valueOf(uri.getPort())};
        }
        String authority = uri.getRawAuthority();
        int colon = authority.lastIndexOf(':');
        String host = colon >= 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
        String port = colon >= 0 && !authority.endsWith("]") ? authority.substring(colon + 1) : "-1";
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._\\[\\]:-]+") || !port.matches("-1|[0-9]{1,5}")) {
            throw FetchRefused.invalid("the URL's host is not valid");
        }
        return new String[] {host, port};
    }

    private Target resolve(URI uri) {
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        String[] hostAndPort = hostAndPort(uri);
        int given = Integer.parseInt(hostAndPort[1]);
        if (given > 65535) {
            throw FetchRefused.invalid("the URL's port is not valid");
        }
        int port = given > 0 ? given : tls ? 443 : 80;
        String host = hostAndPort[0];
        List<InetAddress> addresses;
        try {
            addresses = AddressPolicy.literal(host).map(List::of).orElse(null);
            if (addresses == null) {
                addresses = List.of(InetAddress.getAllByName(host));
            }
        } catch (UnknownHostException e) {
            throw FetchRefused.unreachable("the host cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!policy.permits(address, port)) {
                throw FetchRefused.notAllowed("the source's address is not public (" + address.getHostAddress() + ")");
            }
        }
        return new Target(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, addresses.get(0), port, tls);
    }

    private static Socket connect(Target target, long deadline) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.address(), target.port()), remaining(deadline));
            socket.setSoTimeout(remaining(deadline));
            if (!target.tls()) {
                return socket;
            }
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, target.host(), target.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (AddressPolicy.literal(target.host()).isEmpty()) {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The request line and headers (Host, User-Agent, Connection: close, then these) of a request to the URI. */
    private static String request(String method, URI uri, Map<String, String> headers) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String target = path + query;
        if (target.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw FetchRefused.invalid("the URL's path has characters that must be percent-encoded");
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
                .append(uri.getRawAuthority()).append("\r\nUser-Agent: picbed-fetch/1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    private record Response(int status, Map<String, String> headers) {
        long contentLength() {
            String value = headers.get("content-length");
            if (value == null) {
                return -1;
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw FetchRefused.unreachable("the source sent a bad Content-Length");
            }
        }
    }

    private static Response readHead(InputStream in, long deadline, Socket socket) throws IOException {
        String status = line(in, deadline, socket);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw FetchRefused.unreachable("the source did not answer HTTP/1.x");
        }
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw FetchRefused.unreachable("the source sent a bad status line");
        }
        Map<String, String> headers = new TreeMap<>();
        int total = status.length();
        for (String line = line(in, deadline, socket); !line.isEmpty(); line = line(in, deadline, socket)) {
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw FetchRefused.unreachable("the source's headers are too large");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return new Response(code, headers);
    }

    private static String line(InputStream in, long deadline, Socket socket) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            socket.setSoTimeout(remaining(deadline));
            int b = in.read();
            if (b < 0) {
                throw FetchRefused.unreachable("the source closed the connection");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw FetchRefused.unreachable("the source's headers are too large");
            }
            line.write(b);
        }
    }

    private long copy(InputStream body, OutputStream sink, long deadline, Socket socket) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (true) {
            socket.setSoTimeout(remaining(deadline));
            int n = body.read(buffer);
            if (n < 0) {
                return total;
            }
            total += n;
            if (total > limits.maxBytes()) {
                throw FetchRefused.tooLarge(limits.maxBytes());
            }
            try {
                sink.write(buffer, 0, n);
            } catch (IOException e) {
                throw new SinkFailed(e);
            }
        }
    }

    /** Milliseconds left, at least 1 (0 would mean "no timeout" to sockets); a passed deadline is a timeout. */
    private static int remaining(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** The sink's own failure, not the source's. */
    private static final class SinkFailed extends IOException {
        SinkFailed(IOException cause) {
            super(cause);
        }

        IOException cause() {
            return (IOException) getCause();
        }
    }

    /** A stream that reads in blocks; single bytes go through the block read. */
    private abstract static class BlockInputStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    private static final class BoundedInputStream extends BlockInputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** HTTP/1.1 chunked transfer coding; trailers are skipped. */
    private static final class ChunkedInputStream extends BlockInputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                String size = rawLine();
                int semicolon = size.indexOf(';');
                try {
                    chunkLeft = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size");
                }
                if (chunkLeft == 0) {
                    while (!rawLine().isEmpty()) {
                        // trailers
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new IOException("the chunked body ended early");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                rawLine();
            }
            return n;
        }

        private String rawLine() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0 || line.length() > 1024) {
                    throw new IOException("bad chunk framing");
                }
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }
}
