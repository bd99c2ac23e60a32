package org.picbed.fetch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fetcher against real HTTP servers on loopback (allow-listed by port) and a listener that must stay untouched. */
class SafeFetcherTest {

    private HttpServer origin;
    private ServerSocket forbidden;
    private final AtomicInteger forbiddenConnections = new AtomicInteger();
    private Thread acceptor;
    private final byte[] body = new byte[100_000];

    @BeforeEach
    void start() throws IOException {
        new java.util.Random(7).nextBytes(body);
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        forbidden = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!forbidden.isClosed()) {
                try {
                    forbidden.accept().close();
                    forbiddenConnections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.start();
        origin.createContext("/image", x -> {
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        origin.createContext("/chunked", x -> {
            x.sendResponseHeaders(200, 0);
            for (int i = 0; i < body.length; i += 7000) {
                x.getResponseBody().write(body, i, Math.min(7000, body.length - i));
                x.getResponseBody().flush();
            }
            x.close();
        });
        origin.createContext("/to-forbidden", x -> redirect(x, "http://127.0.0.1:" + forbidden.getLocalPort() + "/x"));
        origin.createContext("/to-octal", x -> redirect(x, "http://0177.0.0.1:" + forbidden.getLocalPort() + "/x"));
        origin.createContext("/loop", x -> redirect(x, "/loop"));
        origin.createContext("/slow", x -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        origin.createContext("/missing", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        origin.start();
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    @AfterEach
    void stop() throws Exception {
        origin.stop(0);
        forbidden.close();
        acceptor.join(2000);
    }

    private SafeFetcher fetcher(long maxBytes, long timeoutMillis) {
        return new SafeFetcher(AddressPolicy.of("127.0.0.1:" + origin.getAddress().getPort()),
                new SafeFetcher.Limits(maxBytes, timeoutMillis, 3));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + origin.getAddress().getPort() + path;
    }

    @Test
    void fetchesAnAllowedSourceWithLengthOrChunked() throws IOException {
        for (String path : new String[] {"/image", "/chunked"}) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            SafeFetcher.Fetched fetched = fetcher(1_000_000, 5000).fetch(url(path), sink);
            assertArrayEquals(body, sink.toByteArray(), path);
            assertEquals(body.length, fetched.bytes());
        }
    }

    @Test
    void refusalsHaveCodesAndTheForbiddenListenerSeesNothing() throws Exception {
        int port = forbidden.getLocalPort();
        for (String url : new String[] {"http://127.0.0.1:" + port + "/", "http://127.1:" + port + "/",
                "http://0x7f000001:" + port + "/", "http://2130706433:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/",
                "http://localhost:" + port + "/", "http://0.0.0.0:" + port + "/", "http://[::]:" + port + "/"}) {
            assertEquals("source_not_allowed", assertThrows(FetchRefused.class, () -> fetcher(1000, 2000).fetch(url, OutputStream.nullOutputStream())).code(), url);
        }
        assertEquals("source_not_allowed", code(url("/to-forbidden")), "a redirect is checked again");
        assertEquals("source_not_allowed", code(url("/to-octal")));
        Thread.sleep(200);
        assertEquals(0, forbiddenConnections.get(), "no connection reached the forbidden listener");

        assertEquals("source_redirects", code(url("/loop")));
        assertEquals("source_status", code(url("/missing")));
        assertEquals("source_invalid", code("file:///etc/passwd"));
        assertEquals("source_invalid", code("gopher://127.0.0.1/"));
        assertEquals("source_invalid", code("http://user:pw@example.com/"));
        assertEquals("source_too_large", assertThrows(FetchRefused.class, () -> fetcher(50_000, 5000).fetch(url("/image"), OutputStream.nullOutputStream())).code());
        assertEquals("source_too_large", assertThrows(FetchRefused.class, () -> fetcher(50_000, 5000).fetch(url("/chunked"), OutputStream.nullOutputStream())).code(), "cut while streaming");
        assertEquals("source_timeout", assertThrows(FetchRefused.class, () -> fetcher(1000, 500).fetch(url("/slow"), OutputStream.nullOutputStream())).code());
    }

    private String code(String url) {
        return assertThrows(FetchRefused.class, () -> fetcher(1_000_000, 5000).fetch(url, OutputStream.nullOutputStream())).code();
    }

}
