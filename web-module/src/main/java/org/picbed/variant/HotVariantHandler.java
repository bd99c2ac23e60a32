package org.picbed.variant;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import org.picbed.web.Immutable;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Serves hot-cache hits of {@code /i/<id>/<preset>.<ext>} and {@code /v/...} (with or without a query string)
 * and revalidations of any variant URL right on Undertow's IO thread: no hand-off to a worker thread, no servlet
 * machinery, the cached array written as is. Anything else (misses, errors, other paths and methods) continues
 * down the normal servlet chain.
 */
final class HotVariantHandler implements HttpHandler {

    private static final HttpString X_CACHE = HttpString.tryFromString("X-Cache");

    private final HttpHandler next;
    private final HotLookup lookup;

    HotVariantHandler(HttpHandler next, String contextPath, ClassLoader deploymentLoader) {
        this.next = next;
        this.lookup = new HotLookup(contextPath, deploymentLoader);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        HotPath hotPath = HotPath.current();
        if (hotPath != null && exchange.getRequestMethod().equals(Methods.GET)) {
            HeaderMap request = exchange.getRequestHeaders();
            Optional<HotPath.Hit> hit = lookup.find(hotPath, exchange.getRequestURI(), request.getFirst(Headers.ACCEPT),
                    request.getFirst(Headers.IF_NONE_MATCH));
            if (hit.isPresent()) {
                respond(exchange, hit.get());
                hotPath.servedOnIoThread(hit.get(), System.nanoTime() - start);
                return;
            }
        }
        next.handleRequest(exchange);
    }

    private static void respond(HttpServerExchange exchange, HotPath.Hit hit) {
        HeaderMap headers = exchange.getResponseHeaders();
        Immutable.headers((name, value) -> headers.put(HttpString.tryFromString(name), value), hit.etag(), hit.mediaType());
        if (!hit.notModified()) {
            headers.put(X_CACHE, "HIT");
        }
        if (hit.variesOnAccept()) {
            headers.put(Headers.VARY, "Accept");
        }
        if (hit.notModified()) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_LENGTH, hit.bytes().length);
        exchange.getResponseSender().send(ByteBuffer.wrap(hit.bytes()));
    }
}
