package org.picbed.purge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.config.Settings;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Requests and applies purges. A purge requested here is applied at once to this site (hot cache of every node,
 * stored variants, front caches), recorded with who asked, and sent to the peers through the same store-and-forward
 * path as replication; each peer applies it when the message arrives (also after an outage) and acknowledges it.
 */
@ApplicationScoped
public class Purges {

    private static final Logger LOG = Logger.getLogger(Purges.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Settings settings;

    @Inject
    PurgeEffects effects;

    @Inject
    PurgeLog log;

    /** Applies and records a purge; returns its id and what this site dropped. */
    public Requested request(PurgeRequest request, String by) {
        if (request.scope() == PurgeRequest.Scope.VARIANT) {
            effects.spec(request.spec().orElseThrow());   // 400 before anything happens
        }
        Instant at = Instant.now();
        String id = "p-" + Long.toString(at.toEpochMilli(), 36) + "-" + HexFormat.of().formatHex(randomBytes());
        PurgeOutcome outcome = effects.apply(request);
        log.requested(row(id, request, by, at, settings.site()), request, settings.site(), outcome);
        LOG.info(() -> "purge " + id + " of " + request.describe() + " by " + by + ": " + outcome);
        return new Requested(id, outcome);
    }

    /** A purge requested at a peer site: applied here once (redeliveries are no-ops). */
    public void applyFromPeer(String id, PurgeRequest request, String origin, String by, Instant at) {
        if (log.isApplied(id, settings.site())) {
            return;
        }
        PurgeOutcome outcome = effects.apply(request);
        log.appliedFromPeer(row(id, request, by, at, origin), request, settings.site(), outcome);
        LOG.info(() -> "purge " + id + " from " + origin + " of " + request.describe() + ": " + outcome);
    }

    public void acknowledged(String id, String bySite, PurgeOutcome outcome, Instant at) {
        log.acknowledged(id, bySite, outcome, at);
    }

    public Optional<Purge> find(String id) {
        return log.find(id);
    }

    public String site() {
        return settings.site();
    }

    private static Purge row(String id, PurgeRequest request, String by, Instant at, String origin) {
        return new Purge(id, request.scope().name(), request.image().map(i -> i.hex()).orElse(null),
                request.spec().orElse(null), by, at, origin);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    public record Requested(String id, PurgeOutcome outcome) {
    }
}
