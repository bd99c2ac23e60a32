package org.picbed.purge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.config.Settings;
import org.picbed.image.Image;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.client.spec.Presets;
import org.picbed.variant.spec.VariantKey;
import org.picbed.variant.url.VariantUrls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Reverse proxies in front of picbed ({@code PICBED_FRONT_CACHES}, comma-separated base URLs such as
 * {@code http://127.0.0.1:3128}) get an HTTP {@code PURGE} for every public URL of what was purged: the original
 * (with and without extension) and every preset in every output format. The {@code Host} is the public one
 * ({@code PICBED_PUBLIC_URL}), as the proxy keys its cache by it: the request goes to the cache as to a forward
 * proxy, in absolute form ({@code PURGE http://img.example.com/i/... HTTP/1.1}), which HTTP/1.1 caches must accept
 * and which names the host without a hand-set {@code Host} header (java.net.http does not allow one). Signed
 * {@code /v/} URLs and "everything" cannot be listed: proxies hold them until they expire.
 */
@ApplicationScoped
public class FrontCaches {

    private static final Logger LOG = Logger.getLogger(FrontCaches.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One client per front cache, which it uses as its proxy. */
    private Map<URI, HttpClient> caches;
    private Optional<String> publicHost;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    @Inject
    ImageCatalog catalog;

    @Inject
    Presets presets;

    @Inject
    void configure(Settings settings) {
        caches = new LinkedHashMap<>();
        Arrays.stream(settings.get("front-caches", "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(URI::create).forEach(cache -> caches.put(cache, HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                        .proxy(ProxySelector.of(new InetSocketAddress(cache.getHost(), cache.getPort() < 0 ? 80 : cache.getPort())))
                        .build()));
        publicHost = settings.get("public-url").map(URI::create).map(u -> u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort());
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    void purge(PurgeRequest request) {
        if (caches.isEmpty() || request.scope() == PurgeRequest.Scope.ALL) {
            return;
        }
        List<String> paths = paths(request);
        caches.forEach((cache, client) -> paths.forEach(path -> send(cache, client, path)));
    }

    List<String> paths(PurgeRequest request) {
        ImageId id = request.image().orElseThrow();
        List<String> paths = new ArrayList<>();
        List<String> presetNames = new ArrayList<>();
        if (request.scope() == PurgeRequest.Scope.IMAGE) {
            paths.add(VariantUrls.originalPath(id));
            Optional<ImageFormat> format = catalog.find(id).map(Image::format);
            for (ImageFormat f : ImageFormat.values()) {
                if (format.isEmpty() || format.get() == f) {
                    paths.add(VariantUrls.originalPath(id, f));
                }
            }
            presets.all().forEach(p -> presetNames.add(p.name()));
        } else if (presets.find(request.spec().orElseThrow().trim()).isPresent()) {
            presetNames.add(request.spec().orElseThrow().trim());
        }
        for (String preset : presetNames) {
            for (ImageFormat f : ImageFormat.values()) {
                if (VariantKey.isOutput(f)) {
                    paths.add(VariantUrls.presetPath(id, preset, f.extension()));
                }
            }
            paths.add(VariantUrls.presetPath(id, preset, "auto"));
        }
        return paths;
    }

    private void send(URI cache, HttpClient client, String path) {
        String host = publicHost.orElse(cache.getHost() + ":" + (cache.getPort() < 0 ? 80 : cache.getPort()));
        HttpRequest purge = HttpRequest.newBuilder(URI.create("http://" + host + path)).timeout(TIMEOUT)
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).build();
        try {
            int status = client.send(purge, HttpResponse.BodyHandlers.discarding()).statusCode();
            sent.incrementAndGet();
            LOG.fine(() -> "PURGE " + path + " at " + cache + ": " + status);
        } catch (IOException e) {
            failed.incrementAndGet();
            LOG.warning(() -> "PURGE " + path + " at " + cache + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
        }
    }

}
