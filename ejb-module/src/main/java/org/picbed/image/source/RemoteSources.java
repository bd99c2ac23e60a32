package org.picbed.image.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.auth.Uploader;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;
import org.picbed.fetch.SafeFetcher;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageId;
import org.picbed.image.ImageSource;
import org.picbed.image.Images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resolves a remote source URL to a stored image: from an allow-listed origin only ({@link SourceOrigins}, checked
 * before any connection), fetched by the SSRF-safe fetcher, inspected and stored like an upload (content-addressed,
 * so it replicates and purges like any image), and remembered; the same URL is fetched once by concurrent requests,
 * and again only after {@code PICBED_SOURCE_REFRESH_SECONDS} (if that fetch fails, the copy already held is served).
 */
@ApplicationScoped
public class RemoteSources {

    private static final Logger LOG = Logger.getLogger(RemoteSources.class.getName());
    private static final Uploader SOURCE = new Uploader("source");

    @Inject
    Settings settings;

    @Inject
    Images images;

    @Inject
    ImageCatalog catalog;

    @Inject
    ImageSources sources;

    private volatile SourceOrigins origins;
    private volatile SafeFetcher fetcher;
    private final Map<String, CompletableFuture<ImageId>> fetching = new ConcurrentHashMap<>();

    /**
     * @throws PicbedException 403 {@code source_not_allowed} for an origin not allow-listed (or sources off); the
     *                         fetcher's 4xx ({@code source_unreachable}, {@code source_too_large}, ...); the
     *                         upload checks' 4xx for bytes that are not an acceptable image
     */
    public ImageId resolve(String url) throws IOException {
        if (!origins().allows(url)) {
            throw new PicbedException(403, "source_not_allowed", origins().isOff()
                    ? "remote sources are off on this server (PICBED_SOURCE_ALLOW)"
                    : "the source's origin is not allow-listed (PICBED_SOURCE_ALLOW)");
        }
        String sha = sha256(url);
        Optional<ImageSource> known = sources.find(sha);
        Instant now = Instant.now();
        if (known.isPresent() && known.get().fetchedAt().plus(refresh()).isAfter(now)
                && catalog.find(known.get().image()).isPresent()) {
            return known.get().image();
        }
        CompletableFuture<ImageId> mine = new CompletableFuture<>();
        CompletableFuture<ImageId> running = fetching.putIfAbsent(sha, mine);
        if (running != null) {
            return join(running);
        }
        try {
            ImageId id = fetchAndStore(url, sha, now);
            mine.complete(id);
            return id;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            if (known.isPresent() && catalog.find(known.get().image()).isPresent()) {
                LOG.log(Level.INFO, "refreshing source " + url + " failed; serving the copy fetched at "
                        + known.get().fetchedAt(), e);
                return known.get().image();
            }
            throw e;
        } finally {
            fetching.remove(sha);
        }
    }

    private ImageId fetchAndStore(String url, String sha, Instant now) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fetcher().fetch(url, bytes);
        Images.Ingested stored = images.ingest(new ByteArrayInputStream(bytes.toByteArray()), nameOf(url), SOURCE, null);
        ImageId id = ImageId.parse(stored.image().id()).orElseThrow();
        sources.record(sha, url, id, now);
        return id;
    }

    private static String nameOf(String url) {
        String path = url.replaceAll("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? null : name;
    }

    private Duration refresh() {
        return Duration.ofSeconds(settings.getLong("source.refresh-seconds", 86_400));
    }

    private SourceOrigins origins() {
        if (origins == null) {
            origins = SourceOrigins.of(settings.get("source.allow", ""));
        }
        return origins;
    }

    private SafeFetcher fetcher() {
        if (fetcher == null) {
            fetcher = SafeFetcher.from(settings, images.limits().maxBytes());
        }
        return fetcher;
    }

    private static ImageId join(CompletableFuture<ImageId> running) throws IOException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while another request fetched the source", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PicbedException p) {
                throw p;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("fetching the source failed", e.getCause());
        }
    }

    static String sha256(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
