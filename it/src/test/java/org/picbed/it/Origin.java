package org.picbed.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback servers for fetch-by-URL tests: an image origin on the allow-listed port (PICBED_FETCH_ALLOW in
 * it/pom.xml) and a listener on another port, on every address, that no fetch may ever reach.
 */
public final class Origin implements AutoCloseable {

    public static final int PORT = Integer.getInteger("picbed.it.origin.port", 3431);
    public static final int FORBIDDEN_PORT = Integer.getInteger("picbed.it.forbidden.port", 3433);

    private final HttpServer server;
    private final ServerSocket forbidden;
    private final Thread acceptor;
    private final AtomicInteger forbiddenConnections = new AtomicInteger();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    public Origin() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), PORT), 50);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/img/", this::image);
        server.createContext("/slow/", x -> {
            sleep(300);
            image(x);
        });
        server.createContext("/big", x -> {
            byte[] chunk = new byte[64 * 1024];
            x.sendResponseHeaders(200, x.getRequestURI().getPath().endsWith("chunked") ? 0 : 4_000_000);
            for (int sent = 0; sent < 4_000_000; sent += chunk.length) {
                x.getResponseBody().write(chunk, 0, Math.min(chunk.length, 4_000_000 - sent));
            }
            x.close();
        });
        server.createContext("/sleep", x -> {
            sleep(6000);
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.createContext("/html", x -> send(x, 200, "<html><body>not an image</body></html>".getBytes()));
        server.createContext("/to-forbidden", x -> redirect(x, "http://127.0.0.1:" + FORBIDDEN_PORT + "/x"));
        server.createContext("/to-decimal", x -> redirect(x, "http://2130706433:" + FORBIDDEN_PORT + "/x"));
        server.createContext("/hop", x -> {
            int n = Integer.parseInt(x.getRequestURI().getQuery() == null ? "0" : x.getRequestURI().getQuery());
            redirect(x, "/hop?" + (n + 1));
        });
        server.start();
        forbidden = new ServerSocket();
        forbidden.bind(new InetSocketAddress(InetAddress.getByName("::"), FORBIDDEN_PORT));
        acceptor = new Thread(() -> {
            while (!forbidden.isClosed()) {
                try {
                    forbidden.accept().close();
                    forbiddenConnections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "forbidden-listener");
        acceptor.start();
    }

    /** Serves these bytes at {@code /img/<name>} (and {@code /slow/<name>}, 300 ms later); returns the URL. */
    public String put(String name, byte[] bytes) {
        files.put(name, bytes);
        return url("/img/" + name);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    public int forbiddenConnections() {
        return forbiddenConnections.get();
    }

    public int requests() {
        return requests.get();
    }

    private void image(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        String path = x.getRequestURI().getPath();
        byte[] bytes = files.get(path.substring(path.lastIndexOf('/') + 1));
        if (bytes == null) {
            send(x, 404, new byte[0]);
        } else {
            x.getResponseHeaders().add("Content-Type", "image/jpeg");
            send(x, 200, bytes);
        }
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
        x.close();
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        server.stop(0);
        forbidden.close();
        acceptor.join(2000);
    }
}
