package org.picbed.purge;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The purge audit trail in MariaDB; each method is one JTA transaction with the messages it causes. */
@Stateless
public class PurgeLog {

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    @Inject
    PurgeEvents events;

    /** A purge requested here and applied here: recorded, then announced to this site's nodes and to the peers. */
    public void requested(Purge purge, PurgeRequest request, String site, PurgeOutcome outcome) {
        em.persist(purge);
        em.persist(new PurgeAck(purge.id(), site, Instant.now(), outcome.found(), outcome.variantsRemoved(), outcome.hotEvicted()));
        events.purged(purge.id(), request, site, purge.requestedBy(), purge.requestedAt(), true);
    }

    /** A peer's purge applied here: recorded once, announced to this site's nodes, acknowledged to the origin. */
    public void appliedFromPeer(Purge purge, PurgeRequest request, String site, PurgeOutcome outcome) {
        if (em.find(Purge.class, purge.id()) == null) {
            em.persist(purge);
        }
        Instant now = Instant.now();
        if (em.find(PurgeAck.class, new PurgeAck.Key(purge.id(), site)) == null) {
            em.persist(new PurgeAck(purge.id(), site, now, outcome.found(), outcome.variantsRemoved(), outcome.hotEvicted()));
        }
        events.purged(purge.id(), request, purge.originSite(), purge.requestedBy(), purge.requestedAt(), false);
        events.applied(purge.id(), purge.originSite(), outcome, now);
    }

    public boolean isApplied(String purgeId, String site) {
        return em.find(PurgeAck.class, new PurgeAck.Key(purgeId, site)) != null;
    }

    /** A peer's acknowledgement of a purge requested here (duplicates are ignored). */
    public void acknowledged(String purgeId, String site, PurgeOutcome outcome, Instant at) {
        if (em.find(Purge.class, purgeId) != null && em.find(PurgeAck.class, new PurgeAck.Key(purgeId, site)) == null) {
            em.persist(new PurgeAck(purgeId, site, at, outcome.found(), outcome.variantsRemoved(), outcome.hotEvicted()));
        }
    }

    public Optional<Purge> find(String purgeId) {
        return Optional.ofNullable(em.find(Purge.class, purgeId));
    }

    public List<PurgeAck> acks(String purgeId) {
        return em.createQuery("select a from PurgeAck a where a.purgeId = :id order by a.appliedAt", PurgeAck.class)
                .setParameter("id", purgeId).getResultList();
    }

    public List<Purge> recent(int max) {
        return em.createQuery("select p from Purge p order by p.requestedAt desc", Purge.class).setMaxResults(max).getResultList();
    }

    public long count() {
        return em.createQuery("select count(p) from Purge p", Long.class).getSingleResult();
    }
}
