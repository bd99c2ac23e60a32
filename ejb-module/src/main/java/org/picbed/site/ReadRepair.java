package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageId;
import org.picbed.image.Images;
import org.picbed.purge.NodeCaches;
import org.picbed.purge.PurgeRequest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A read at this site for an image it does not have (replication still on its way): the peers are asked in turn,
 * the bytes are verified against the id and stored like a replicated copy, and the request is served. Deleted ids
 * (tombstones) are never fetched back. Ids no peer has are remembered for a short while (negative cache), and
 * concurrent reads of one id make one fetch, so unknown ids cannot be used to flood the peers.
 */
@ApplicationScoped
public class ReadRepair {

    private static final Logger LOG = Logger.getLogger(ReadRepair.class.getName());
    private static final int NEGATIVE_ENTRIES = 100_000;

    @Inject
    PeerClient peers;

    @Inject
    Images images;

    @Inject
    ImageCatalog catalog;

    @Inject
    SiteStats stats;

    private final Map<String, CompletableFuture<Outcome>> running = new ConcurrentHashMap<>();
    private final Map<String, Miss> misses = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Miss> eldest) {
            return size() > NEGATIVE_ENTRIES;
        }
    };

    /** What a repair attempt found. */
    public enum Outcome {
        /** The image is here now. */
        REPAIRED,
        /** No site has it, or it was deleted. */
        NOT_FOUND,
        /** Some peer could not be asked and no other had it: the answer is not known. */
        UNKNOWN
    }

    private record Miss(Outcome outcome, long expiresAtNanos) {
    }

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started, NodeCaches nodeCaches) {
        nodeCaches.register(this::forget);
    }

    /** A purge or delete reached this node: what is remembered about the image (or everything) goes. */
    void forget(PurgeRequest purged) {
        synchronized (misses) {
            if (purged.image().isPresent()) {
                misses.remove(purged.image().get().hex());
            } else {
                misses.clear();
            }
        }
    }

    /** Tries to bring the image here from a peer; 503 when a peer that may have it cannot be reached. */
    public boolean repair(ImageId id) {
        if (!peers.settings().multiSite()) {
            return false;
        }
        Outcome outcome = remembered(id);
        if (outcome == null) {
            CompletableFuture<Outcome> mine = new CompletableFuture<>();
            CompletableFuture<Outcome> theirs = running.putIfAbsent(id.hex(), mine);
            if (theirs == null) {
                try {
                    outcome = fetch(id);
                    mine.complete(outcome);
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    running.remove(id.hex(), mine);
                }
            } else {
                outcome = join(theirs);
            }
        }
        if (outcome == Outcome.UNKNOWN) {
            throw new PicbedException(503, "peer_unavailable",
                    "this site does not have the image yet and a peer site cannot be reached; retry later");
        }
        return outcome == Outcome.REPAIRED;
    }

    private Outcome fetch(ImageId id) {
        if (catalog.isTombstoned(id)) {
            return remember(id, Outcome.NOT_FOUND);
        }
        boolean unreachable = false;
        for (Peer peer : peers.settings().peers()) {
            PeerClient.Fetch fetch = peers.original(peer, id);
            if (fetch instanceof PeerClient.Fetch.Found found) {
                try (InputStream body = found.body()) {
                    boolean here = images.adopt(id, body, peer.name(), found.createdAt());
                    if (here) {
                        stats.peer(peer.name()).readRepaired();
                        LOG.fine(() -> "read repair: " + id.hex() + " from " + peer.name());
                        return Outcome.REPAIRED;
                    }
                    return remember(id, Outcome.NOT_FOUND);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "read repair of " + id.hex() + " from " + peer.name() + " failed", e);
                    stats.peer(peer.name()).failed("read repair: " + e.getClass().getSimpleName(), Instant.now());
                    unreachable = true;
                }
            } else if (fetch instanceof PeerClient.Fetch.Deleted) {
                return remember(id, Outcome.NOT_FOUND);
            } else if (fetch instanceof PeerClient.Fetch.Unreachable u) {
                stats.peer(peer.name()).failed("read repair: " + u.reason(), Instant.now());
                unreachable = true;
            }
        }
        return remember(id, unreachable ? Outcome.UNKNOWN : Outcome.NOT_FOUND);
    }

    private Outcome remembered(ImageId id) {
        synchronized (misses) {
            Miss miss = misses.get(id.hex());
            if (miss == null) {
                return null;
            }
            if (System.nanoTime() - miss.expiresAtNanos() > 0) {
                misses.remove(id.hex());
                return null;
            }
            return miss.outcome();
        }
    }

    private Outcome remember(ImageId id, Outcome outcome) {
        long ttl = outcome == Outcome.UNKNOWN ? Math.min(5_000_000_000L, peers.settings().negativeTtl().toNanos())
                : peers.settings().negativeTtl().toNanos();
        synchronized (misses) {
            misses.put(id.hex(), new Miss(outcome, System.nanoTime() + ttl));
        }
        return outcome;
    }

    private static Outcome join(CompletableFuture<Outcome> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNKNOWN;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            return Outcome.UNKNOWN;
        }
    }
}
