package org.picbed.cluster;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Records received heartbeats (idempotently: a replayed or older beat changes nothing) and lists the nodes seen. */
@Stateless
public class Heartbeats {

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Returns true when the beat was newer than anything recorded for its node. */
    public boolean record(Heartbeat heartbeat) {
        NodeHeartbeat known = em.find(NodeHeartbeat.class, heartbeat.nodeName());
        if (known == null) {
            em.persist(new NodeHeartbeat(heartbeat.nodeName(), heartbeat.sentAt(), clock.instant()));
            return true;
        }
        return known.beat(heartbeat.sentAt(), clock.instant());
    }

    public Optional<NodeHeartbeat> find(String nodeName) {
        return Optional.ofNullable(em.find(NodeHeartbeat.class, nodeName));
    }

    public List<NodeHeartbeat> nodes() {
        return em.createQuery("select h from NodeHeartbeat h order by h.nodeName", NodeHeartbeat.class).getResultList();
    }
}
