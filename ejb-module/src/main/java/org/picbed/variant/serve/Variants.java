package org.picbed.variant.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.cache.HotImageCache;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.image.format.ImageFormats;
import org.picbed.storage.BlobStore;
import org.picbed.variant.render.ImageRenderer;
import org.picbed.variant.render.RenderException;
import org.picbed.variant.render.RenderSettings;
import org.picbed.variant.render.Rendition;
import org.picbed.variant.spec.VariantKey;
import org.picbed.variant.store.VariantCatalog;
import org.picbed.variant.store.VariantStore;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serving derived images: the replicated hot cache first, then the stored variant, then a render. Renders are
 * bounded by the {@link RenderGate} and single-flight per variant key on this node: concurrent requests for the
 * same cold variant wait for one render. A rendered variant is stored (and its row marked ready) before it is
 * served; it enters the hot cache once it has been served twice ({@link Admission}).
 */
@ApplicationScoped
public class Variants {

    private static final Logger LOG = Logger.getLogger(Variants.class.getName());

    private ImageRenderer renderer;
    private RenderGate gate;
    private Admission admission;
    private final ConcurrentHashMap<String, CompletableFuture<Rendition>> inFlight = new ConcurrentHashMap<>();
    /** Originals never change (content-addressed): what one is, for {@code auto}, is read once per node. */
    /** Enough of a HEIC/AVIF file for its meta box (a few KB in phone photos, more with a large ICC profile). */
    private static final int HEIF_HEAD = 256 * 1024;
    private final Cache<ImageId, SourceKind> sourceKinds = Caffeine.newBuilder().maximumSize(50_000).build();

    @Inject
    void configure(Settings settings) {
        renderer = new ImageRenderer(RenderSettings.from(settings));
        int workers = settings.getInt("render.workers", Runtime.getRuntime().availableProcessors());
        // 30 s: CloudFront's default origin response timeout; a CDN or browser would give up on a longer wait anyway
        // (variant-bench P6: 20 concurrent 24 MP renders take 12-13 s on 2 cores, 2 of 20 were past 10 s)
        gate = new RenderGate(workers,
                settings.getInt("render.queue", 16 * workers),
                settings.getLong("render.max-wait-ms", 30_000));
        admission = new Admission(settings.getInt("hot-cache.admission-slots", 1 << 16),
                settings.getInt("hot-cache.admit-after", 2), 1 << 20);
    }

    @Inject
    HotImageCache hot;

    @Inject
    VariantStore store;

    @Inject
    VariantCatalog catalog;

    @Inject
    VariantMetrics metrics;

    @Inject
    SourceBytes originals;

    @Resource
    ManagedExecutorService background;

    /** Where a served variant came from. */
    public enum Source { HIT, STORED, RENDERED }

    public record Served(byte[] bytes, Source source, boolean animationTruncated) {
    }

    /** Whether {@code auto} may choose AVIF and {@code .avif} renders here (libheif with an AV1 encoder). */
    public boolean writesAvif() {
        return renderer.writesAvif();
    }

    /** The hot-cache bytes of a variant, if it is hot (no disk, no render). */
    public Optional<byte[]> hot(VariantKey key) {
        return hot(key.key());
    }

    /** The same, by the variant's cache key ({@link VariantKey#key()}), for callers that keep it. */
    public Optional<byte[]> hot(String cacheKey) {
        Optional<byte[]> hit = hot.get(cacheKey);
        hit.ifPresent(b -> metrics.hotHit());
        return hit;
    }

    /** The variant's bytes from wherever they are quickest to get; renders (interactive priority) if needed. */
    public Served serve(VariantKey key, String preset) throws IOException {
        Optional<byte[]> hit = hot(key);
        if (hit.isPresent()) {
            return new Served(hit.get(), Source.HIT, false);
        }
        Optional<VariantStore.StoredVariant> stored = findStored(key);
        if (stored.isPresent()) {
            metrics.storedHit();
            admit(key, stored.get().bytes(), stored.get().animationTruncated());
            return new Served(stored.get().bytes(), Source.STORED, stored.get().animationTruncated());
        }
        Rendition rendition = renderOnce(key, preset, true);
        admit(key, rendition.bytes(), rendition.animationTruncated());
        return new Served(rendition.bytes(), Source.RENDERED, rendition.animationTruncated());
    }

    /**
     * Makes sure the variant is stored, rendering it with background priority (eager presets, re-renders).
     * Returns false when the source image is not here.
     */
    public boolean ensureStored(VariantKey key, String preset) throws IOException, RenderException {
        Optional<VariantStore.StoredVariant> stored = findStored(key);
        if (stored.isPresent()) {
            catalog.ready(key, preset, null, null, stored.get().bytes().length);
            return true;
        }
        try {
            renderOnce(key, preset, false);
            return true;
        } catch (PicbedException e) {
            if (e.status() == 404) {
                return false;
            }
            if (e.getCause() instanceof RenderException re) {
                throw re;
            }
            throw e;
        }
    }

    /**
     * Stores a variant made elsewhere (a replica's eager variant, as its origin site rendered it) and records it
     * READY, unless it is stored already.
     */
    public void storeMadeElsewhere(VariantKey key, String preset, byte[] bytes) throws IOException {
        if (findStored(key).isEmpty()) {
            store.put(key, bytes, false);
        }
        catalog.ready(key, preset, null, null, bytes.length);
    }

    /**
     * The stored copy, if any. A store where asking costs a request (an object store) is asked only about variants
     * the catalog records as READY: fresh eager renders and cold URLs would otherwise cost a request answered 404.
     */
    private Optional<VariantStore.StoredVariant> findStored(VariantKey key) throws IOException {
        return store.cheapToAsk() || catalog.isReady(key) ? store.find(key) : Optional.empty();
    }

    /** Drops the stored copy and the hot copy of a variant, so the next request renders it again. */
    public void forget(VariantKey key) throws IOException {
        store.delete(key);
        hot.evict(key.key());
    }

    public RenderGate gate() {
        return gate;
    }

    public String decoder() {
        return renderer.decoderInfo();
    }

    private void admit(VariantKey key, byte[] bytes, boolean truncated) {
        if (!truncated && admission.served(key.key()) && hot.put(key.key(), bytes)) {
            metrics.admitted();
        }
    }

    private Rendition renderOnce(VariantKey key, String preset, boolean interactive) throws IOException {
        CompletableFuture<Rendition> mine = new CompletableFuture<>();
        CompletableFuture<Rendition> running = inFlight.putIfAbsent(key.key(), mine);
        if (running != null) {
            metrics.sharedRender();
            return join(running);
        }
        try {
            Rendition rendition = renderAndStore(key, preset, interactive);
            mine.complete(rendition);
            return rendition;
        } catch (Throwable e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key.key(), mine);
        }
    }

    /** Rendering work other than a variant (a batch task's rules), given this node's renderer. */
    @FunctionalInterface
    public interface RenderJob<T> {
        T run(ImageRenderer renderer) throws RenderException;
    }

    /**
     * Runs rendering work with this node's renderer as background work of the {@link RenderGate}: it waits for
     * a render worker, and interactive variant renders keep their precedence.
     */
    public <T> T renderInBackground(RenderJob<T> job) throws IOException, RenderException {
        try {
            gate.enterBackground();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a render worker", e);
        }
        try {
            return job.run(renderer);
        } finally {
            gate.leave();
        }
    }

    private Rendition renderAndStore(VariantKey key, String preset, boolean interactive) throws IOException {
        if (key.format() == ImageFormat.AVIF && !renderer.writesAvif()) {
            String why = "AVIF output is not available on this server (it needs libheif); ask for .webp or .auto";
            throw new PicbedException(415, "unsupported_output", why, "render of " + key.key() + " refused",
                    new RenderException(RenderException.UNSUPPORTED, why));
        }
        if (interactive) {
            try {
                gate.enterInteractive();
            } catch (PicbedException busy) {
                metrics.refusedBusy();
                throw busy;
            }
        } else {
            try {
                gate.enterBackground();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a render worker", e);
            }
        }
        Rendition rendition;
        try {
            byte[] source = readSource(key.image());
            long start = System.nanoTime();
            try {
                rendition = renderer.render(source, key.spec(), key.format());
            } catch (RenderException e) {
                if (RenderException.UNSUPPORTED.equals(e.reason())) { // this host lacks a codec: not the image's fault
                    throw new PicbedException(415, "unsupported_output", e.getMessage(), "render of " + key.key()
                            + " refused", e);
                }
                metrics.renderFailed();
                LOG.info(() -> "render of " + key.key() + " failed: " + e.reason() + ": " + e.getMessage());
                recordFailure(key, preset, e.reason() + ": " + e.getMessage());
                throw new PicbedException(422, "render_failed", "the image could not be rendered with these options",
                        "render of " + key.key() + " failed", e);
            }
            metrics.rendered(System.nanoTime() - start);
        } finally {
            gate.leave();
        }
        Runnable record = () -> {
            try {
                catalog.ready(key, preset, rendition.width(), rendition.height(), rendition.bytes().length);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "variant " + key.key() + " rendered and stored, but its row was not updated", e);
            }
        };
        if (interactive && !store.cheapToAsk()) {
            // an object store: the visitor has the bytes and does not wait for the put (if it fails, a later
            // request renders again); the row says READY only once the store has the variant
            recordLater(() -> {
                try {
                    store.put(key, rendition.bytes(), rendition.animationTruncated());
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "variant " + key.key() + " rendered, but storing it failed; it is rendered again when asked for", e);
                    return;
                }
                try {
                    catalog.ready(key, preset, rendition.width(), rendition.height(), rendition.bytes().length);
                } catch (RuntimeException e) {
                    // most likely the image was deleted meanwhile (the row's foreign key): take the object back
                    LOG.log(Level.INFO, "variant " + key.key() + " stored, but its row was not written; removing it", e);
                    try {
                        store.delete(key);
                    } catch (IOException | RuntimeException gone) {
                        e.addSuppressed(gone);
                    }
                }
            });
            return rendition;
        }
        store.put(key, rendition.bytes(), rendition.animationTruncated());
        if (interactive) {
            recordLater(record);
        } else {
            record.run();
        }
        return rendition;
    }

    /**
     * The row of an interactive render (and, on an object store, its put) is written after the answer: the visitor
     * does not wait for a commit or a round trip.
     */
    private void recordLater(Runnable record) {
        try {
            background.execute(record);
        } catch (RuntimeException rejected) {
            record.run();
        }
    }

    private void recordFailure(VariantKey key, String preset, String reason) {
        try {
            catalog.failed(key, preset, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the failed render of " + key.key(), e);
        }
    }

    private byte[] readSource(ImageId image) throws IOException {
        return originals.verifiedBytes(image).orElseThrow(() -> new PicbedException(404, "not_found", "no such image"));
    }

    /** What an original is, for choosing an {@code auto} format; empty when there is no such image. */
    public Optional<SourceKind> sourceKind(ImageId image) throws IOException {
        SourceKind known = sourceKinds.getIfPresent(image);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<BlobStore.Blob> blob = originals.find(image);
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        byte[] head = blob.get().head(32);
        Optional<ImageFormat> format = ImageFormats.sniff(head);
        if (format.isPresent() && (format.get() == ImageFormat.HEIC || format.get() == ImageFormat.AVIF)) {
            head = blob.get().head(HEIF_HEAD); // the alpha is an auxiliary item declared in the meta box
        }
        byte[] header = head;
        Optional<SourceKind> kind = format.map(f -> new SourceKind(f, ImageFormats.headers(header, f).alpha()));
        kind.ifPresent(k -> sourceKinds.put(image, k));
        return kind;
    }

    /** An original's format and whether it may have transparent pixels. */
    public record SourceKind(ImageFormat format, boolean hasAlpha) {
    }

    private static Rendition join(CompletableFuture<Rendition> running) throws IOException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a render", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PicbedException p) {
                throw p;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("render failed", e.getCause());
        }
    }
}
