package org.picbed.integrity;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.picbed.cluster.Heartbeats;
import org.picbed.cluster.NodeIdentity;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageId;
import org.picbed.storage.BlobStore;
import org.picbed.storage.StorageSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deep scrub: re-hashes every image's stored blob once per {@code PICBED_SCRUB_PERIOD_HOURS}, reading at most
 * {@code PICBED_SCRUB_MB_PER_SECOND}, and hands a bad copy to {@link Corruptions}. The site's blobs are shared by its
 * nodes, so one node scrubs: the first by name among those whose heartbeat is recent. The walk goes through the
 * catalogue in id order in slices (one per timer tick), so a pass resumes where it was; a restarted node starts a
 * new pass.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scrubber {

    private static final Logger LOG = Logger.getLogger(Scrubber.class.getName());
    static final Duration SLICE = Duration.ofSeconds(8);
    static final Duration LIVE_NODE = Duration.ofMinutes(2);
    private static final int PAGE = 200;

    @Inject
    StorageSettings settings;

    @Inject
    ImageCatalog catalog;

    @Inject
    BlobStore blobs;

    @Inject
    BlobVerifier verifier;

    @Inject
    Corruptions corruptions;

    @Inject
    Heartbeats heartbeats;

    @Inject
    NodeIdentity node;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile State state = State.fresh();

    /** Where the current pass is, and how the last one ended. */
    public record State(Instant passStarted, ImageId cursor, long blobs, long bytes, long missing,
                        Instant lastPassCompleted, long lastPassBlobs, Duration lastPassTook) {
        static State fresh() {
            return new State(null, null, 0, 0, 0, null, 0, null);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "picbed-scrub")
    void tick() {
        if (settings.scrubPeriod().isZero() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (scrubsHere()) {
                slice(Instant.now().plus(SLICE));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scrub slice failed; the next tick goes on from the same place", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * The admin's "scrub now": a pass starts at once whatever the period says (or the running one goes on) and
     * runs for at most {@code budget} on the caller's thread. Returns false when a slice is running already.
     */
    public boolean scrubNow(Duration budget) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            State s = state;
            if (s.passStarted() == null) {
                state = new State(Instant.now(), null, 0, 0, 0, s.lastPassCompleted(), s.lastPassBlobs(), s.lastPassTook());
            }
            slice(Instant.now().plus(budget));
            return true;
        } finally {
            running.set(false);
        }
    }

    /** Scrubs until {@code until} (or the end of the pass). */
    void slice(Instant until) {
        State s = state;
        if (s.passStarted() == null) {
            if (s.lastPassCompleted() != null && s.lastPassCompleted().minus(s.lastPassTook()).plus(settings.scrubPeriod()).isAfter(Instant.now())) {
                return;   // this period's pass is done
            }
            s = new State(Instant.now(), null, 0, 0, 0, s.lastPassCompleted(), s.lastPassBlobs(), s.lastPassTook());
        }
        Pacer pacer = new Pacer(settings.scrubBytesPerSecond());
        while (Instant.now().isBefore(until)) {
            List<ImageId> ids = catalog.idsAfter(s.cursor(), PAGE);
            if (ids.isEmpty()) {
                Duration took = Duration.between(s.passStarted(), Instant.now());
                long scrubbed = s.blobs();
                LOG.info(() -> "scrub pass done: " + scrubbed + " blobs in " + took.toSeconds() + " s");
                state = new State(null, null, 0, 0, 0, Instant.now(), s.blobs(), took);
                return;
            }
            for (ImageId id : ids) {
                s = scrub(id, s, pacer);
                state = s;
                if (!Instant.now().isBefore(until)) {
                    return;
                }
            }
        }
    }

    private State scrub(ImageId id, State s, Pacer pacer) {
        try {
            Optional<BlobStore.Blob> blob = blobs.findStored(id);
            if (blob.isEmpty()) {
                return new State(s.passStarted(), id, s.blobs(), s.bytes(), s.missing() + 1, s.lastPassCompleted(), s.lastPassBlobs(), s.lastPassTook());
            }
            if (!verifier.rehash(id, blob.get(), pacer)) {
                corruptions.found(id, "scrub");
            }
            return new State(s.passStarted(), id, s.blobs() + 1, s.bytes() + blob.get().size(), s.missing(), s.lastPassCompleted(), s.lastPassBlobs(), s.lastPassTook());
        } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "could not read blob " + id.hex() + " to scrub it; tried again next pass", e);
            return new State(s.passStarted(), id, s.blobs(), s.bytes(), s.missing(), s.lastPassCompleted(), s.lastPassBlobs(), s.lastPassTook());
        }
    }

    /** The first live node of the site by name scrubs (every node if heartbeats are not known yet). */
    boolean scrubsHere() {
        Instant live = Instant.now().minus(LIVE_NODE);
        return heartbeats.nodes().stream()
                .filter(h -> h.lastReceivedAt().isAfter(live))
                .map(h -> h.nodeName())
                .findFirst()
                .map(first -> first.equals(node.nodeName()))
                .orElse(true);
    }

    public State state() {
        return state;
    }
}
