package org.picbed.site;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageId;
import org.picbed.image.Images;
import org.picbed.integrity.PeerCopies;
import org.picbed.purge.NodeCaches;
import org.picbed.purge.PurgeRequest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
public class ReadRepair implements PeerCopies {

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

    /**
     * One entry per id being repaired or recently found missing: a running fetch (concurrent reads of the id join
     * it), then its outcome for as long as it may be trusted (a repaired image is on the volume: not kept).
     */
    private final AsyncCache<String, Outcome> attempts = Caffeine.newBuilder()
            .maximumSize(NEGATIVE_ENTRIES)
            .expireAfter(Expiry.<String, Outcome>creating((id, outcome) -> trustedFor(outcome)))
            .buildAsync();

    /** What a repair attempt found. */
    public enum Outcome {
        /** The image is here now. */
        REPAIRED,
        /** No site has it, or it was deleted. */
        NOT_FOUND,
        /** Some peer could not be asked and no other had it: the answer is not known. */
        UNKNOWN
    }

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started, NodeCaches nodeCaches) {
        nodeCaches.register(this::forget);
    }

    /** A purge or delete reached this node: what is remembered about the image (or everything) goes. */
    void forget(PurgeRequest purged) {
        if (purged.image().isPresent()) {
            attempts.synchronous().invalidate(purged.image().get().hex());
        } else {
            attempts.synchronous().invalidateAll();
        }
    }

    /** A good copy from a peer after this site's copy was found corrupt (and quarantined). */
    @Override
    public boolean fetch(ImageId id) {
        try {
            return repair(id);
        } catch (PicbedException unreachable) {
            return false;
        }
    }

    /** Tries to bring the image here from a peer; 503 when a peer that may have it cannot be reached. */
    public boolean repair(ImageId id) {
        if (!peers.settings().multiSite()) {
            return false;
        }
        Outcome outcome;
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> theirs = attempts.asMap().putIfAbsent(id.hex(), mine);
        if (theirs == null) {
            try {
                outcome = ask(id);      // on this request's thread: the copy is stored in its transaction context
                mine.complete(outcome);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);   // a failed attempt is not remembered
                throw e;
            }
        } else {
            outcome = join(theirs);
        }
        if (outcome == Outcome.UNKNOWN) {
            throw new PicbedException(503, "peer_unavailable",
                    "this site does not have the image yet and a peer site cannot be reached; retry later");
        }
        return outcome == Outcome.REPAIRED;
    }

    private Outcome ask(ImageId id) {
        if (catalog.isTombstoned(id)) {
            return Outcome.NOT_FOUND;
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
                    return Outcome.NOT_FOUND;
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "read repair of " + id.hex() + " from " + peer.name() + " failed", e);
                    stats.peer(peer.name()).failed("read repair: " + e.getClass().getSimpleName(), Instant.now());
                    unreachable = true;
                }
            } else if (fetch instanceof PeerClient.Fetch.Deleted) {
                return Outcome.NOT_FOUND;
            } else if (fetch instanceof PeerClient.Fetch.Unreachable u) {
                stats.peer(peer.name()).failed("read repair: " + u.reason(), Instant.now());
                unreachable = true;
            }
        }
        return unreachable ? Outcome.UNKNOWN : Outcome.NOT_FOUND;
    }

    /** How long an outcome answers for the id: a miss for the negative TTL, an unknown for at most 5 s. */
    private Duration trustedFor(Outcome outcome) {
        return switch (outcome) {
            case REPAIRED -> Duration.ZERO;
            case NOT_FOUND -> peers.settings().negativeTtl();
            case UNKNOWN -> Collections.min(List.of(Duration.ofSeconds(5), peers.settings().negativeTtl()));
        };
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
