package org.picbed.integrity;

import io.micrometer.core.instrument.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.image.ImageId;
import org.picbed.metrics.Meters;
import org.picbed.storage.BlobStore;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens to a blob whose bytes do not hash to its id: it is quarantined (never served again), a good copy is
 * fetched from a peer site when one has it, and the event is counted and kept for the admin pages.
 */
@ApplicationScoped
public class Corruptions {

    private static final Logger LOG = Logger.getLogger(Corruptions.class.getName());
    private static final int KEPT = 100;

    @Inject
    BlobStore blobs;

    @Inject
    BlobVerifier verifier;

    @Inject
    PeerCopies peers;

    @Inject
    Meters meters;

    private Counter detected;
    private Counter repaired;
    private final AtomicLong unrepaired = new AtomicLong();
    private final Deque<Found> recent = new ArrayDeque<>();
    private final ConcurrentHashMap<ImageId, Object> handling = new ConcurrentHashMap<>();
    /** Quarantined here with no good copy found yet: answered 503, not 404, while a later repair may succeed. */
    private final java.util.Set<ImageId> lost = ConcurrentHashMap.newKeySet();

    /** One corrupt copy found: where it was noticed and whether a good copy replaced it. */
    public record Found(ImageId id, String where, Instant at, boolean repaired, String repairedFrom) {
    }

    @PostConstruct
    void register() {
        detected = meters.counter("picbed.storage.corruptions", "Stored blobs whose bytes did not hash to their id (quarantined)");
        repaired = meters.counter("picbed.storage.corruptions.repaired", "Corrupt blobs replaced by a good copy from a peer site");
        meters.gauge("picbed.storage.corruptions.unrepaired", "Corrupt blobs no peer could replace (the image is not served here)",
                io.micrometer.core.instrument.Tags.empty(), unrepaired::get);
    }

    /**
     * Quarantines the copy of {@code id} (found bad {@code where}: render, original, peer, scrub) and tries to repair
     * it from a peer. Returns whether a good copy is here now. Concurrent reports of one id are handled once.
     */
    public boolean found(ImageId id, String where) {
        Object mine = new Object();
        if (handling.putIfAbsent(id, mine) != null) {
            return false;   // another thread is on it; this request does not get the bytes
        }
        try {
            verifier.forget(id);
            boolean moved;
            try {
                moved = blobs.quarantine(id);
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "could not quarantine the corrupt blob " + id.hex(), e);
                return false;
            }
            if (!moved) {
                return false;   // already quarantined (and maybe repaired) by another node
            }
            detected.increment();
            LOG.severe(() -> "blob " + id.hex() + " does not hash to its id (found at " + where + "): quarantined");
            boolean fixed = repair(id);
            remember(new Found(id, where, Instant.now(), fixed, fixed ? "peer" : null));
            if (fixed) {
                repaired.increment();
                LOG.warning(() -> "blob " + id.hex() + " repaired from a peer site");
            } else {
                unrepaired.incrementAndGet();
                if (lost.size() < 100_000) {
                    lost.add(id);
                }
                LOG.severe(() -> "blob " + id.hex() + " could not be repaired: no peer site has a good copy");
            }
            return fixed;
        } finally {
            handling.remove(id, mine);
        }
    }

    private boolean repair(ImageId id) {
        try {
            return peers.fetch(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "repair of " + id.hex() + " from the peers failed", e);
            return false;
        }
    }

    private void remember(Found found) {
        synchronized (recent) {
            recent.addFirst(found);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
    }

    /** Whether this node quarantined the image's copy and has not seen a good one since. */
    public boolean isLost(ImageId id) {
        return lost.contains(id);
    }

    /** A good copy arrived after all (replication, read repair): the image is served again. */
    public void recovered(ImageId id) {
        if (lost.remove(id)) {
            unrepaired.decrementAndGet();
            repaired.increment();
        }
    }

    public List<Found> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public long detected() {
        return (long) detected.count();
    }

    public long repaired() {
        return (long) repaired.count();
    }

    public long unrepaired() {
        return unrepaired.get();
    }
}
