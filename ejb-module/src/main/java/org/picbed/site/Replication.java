package org.picbed.site;

import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.picbed.image.ImageCatalog;
import org.picbed.image.Images;
import org.picbed.metrics.Meters;
import org.picbed.storage.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Applies replication messages from peer sites. Idempotent: an image that is here already, or deleted here later,
 * is left alone, so duplicates and redeliveries are harmless. A failure throws, so the message is redelivered with
 * back-off and finally dead-lettered by the broker.
 */
@ApplicationScoped
public class Replication {

    @Inject
    PeerClient peers;

    @Inject
    Images images;

    @Inject
    ImageCatalog catalog;

    @Inject
    BlobStore blobs;

    @Inject
    SiteStats stats;

    private Timer applyLatency;
    private Timer lag;

    /** Created at start, so the replication histograms are exported (empty) before the first change arrives. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    }

    @Inject
    void meters(Meters meters) {
        applyLatency = meters.latency("picbed.replication.apply", "Replication messages applied here: pull, verify, store, record");
        lag = meters.latency("picbed.replication.delay", "From the change at its origin site to applied here");
    }

    public void apply(ReplicationEvent event) throws IOException {
        long start = System.nanoTime();
        try {
            switch (event.kind()) {
                case CREATED -> copy(event);
                case DELETED -> images.deleteReplica(event.image(), event.origin(), event.at());
            }
        } catch (IOException | RuntimeException e) {
            stats.peer(event.origin()).failed(event.kind().name().toLowerCase() + ": " + reason(e), Instant.now());
            throw e;
        }
        Instant now = Instant.now();
        long took = System.nanoTime() - start;
        stats.applied(event.origin(), event.at(), now, took);
        applyLatency.record(took, TimeUnit.NANOSECONDS);
        lag.record(Duration.between(event.at(), now).isNegative() ? Duration.ZERO : Duration.between(event.at(), now));
    }

    private void copy(ReplicationEvent event) throws IOException {
        if (catalog.replicaState(event.image(), event.at()) != ImageCatalog.ReplicaState.WANTED) {
            return;
        }
        Optional<BlobStore.Blob> local = blobs.find(event.image());   // e.g. left by an earlier attempt
        if (local.isPresent()) {
            try (InputStream in = local.get().open()) {
                images.adopt(event.image(), in, event.origin(), event.at());
                return;
            } catch (Images.ReplicaMismatch e) {
                blobs.delete(event.image());
            }
        }
        Peer origin = peers.settings().peer(event.origin())
                .orElseThrow(() -> new ReplicationFailure("site '" + event.origin() + "' is not among this site's peers"));
        PeerClient.Fetch fetch = peers.original(origin, event.image());
        if (fetch instanceof PeerClient.Fetch.Found found) {
            try (InputStream body = found.body()) {
                images.adopt(event.image(), body, event.origin(), event.at());
            }
        } else if (fetch instanceof PeerClient.Fetch.Missing) {
            throw new ReplicationFailure("site " + event.origin() + " does not have image " + event.image().hex());
        } else if (fetch instanceof PeerClient.Fetch.Unreachable u) {
            throw new ReplicationFailure("site " + event.origin() + " cannot be reached (" + u.reason() + ")");
        }
        // Deleted at the origin since: its delete message follows and leaves a tombstone here.
    }

    private static String reason(Exception e) {
        return e instanceof ReplicationFailure ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** A replication message that cannot be applied now; the broker retries it and then dead-letters it. */
    public static final class ReplicationFailure extends RuntimeException {
        public ReplicationFailure(String message) {
            super(message);
        }
    }
}
