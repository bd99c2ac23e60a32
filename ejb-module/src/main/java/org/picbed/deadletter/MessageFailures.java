package org.picbed.deadletter;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Why messages failed (written as they fail, in a transaction of its own) and what operators did with dead letters. */
@Stateless
public class MessageFailures {

    public static final String REDRIVEN = "redriven";
    public static final String DISCARDED = "discarded";

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    /** One failed attempt; committed even though the message's own transaction rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String messageId, String queue, String kind, String subject, String reason, int attempt) {
        Instant now = Instant.now();
        MessageFailure known = em.find(MessageFailure.class, messageId);
        if (known == null) {
            em.persist(new MessageFailure(messageId, queue, kind, subject, reason, attempt, now));
        } else {
            known.failedAgain(reason, attempt, now);
        }
    }

    public Map<String, MessageFailure> find(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select f from MessageFailure f where f.messageId in :ids", MessageFailure.class)
                .setParameter("ids", messageIds).getResultList().stream()
                .collect(Collectors.toMap(MessageFailure::messageId, Function.identity()));
    }

    /** Records who redrove or discarded these dead letters, in the caller's transaction (the one that moved them). */
    public void resolve(String queue, Collection<String> messageIds, String resolution, String actor) {
        Instant now = Instant.now();
        Map<String, MessageFailure> known = find(messageIds);
        for (String id : messageIds) {
            MessageFailure failure = known.get(id);
            if (failure == null) {
                failure = new MessageFailure(id, queue, "unknown", null, "no failure was recorded", 0, now);
                em.persist(failure);
            }
            failure.resolve(resolution, actor, now);
        }
    }

    /** The latest redrives and discards, newest first (the audit). */
    public List<MessageFailure> recentActions(int limit) {
        return em.createQuery("select f from MessageFailure f where f.resolvedAt is not null order by f.resolvedAt desc",
                MessageFailure.class).setMaxResults(limit).getResultList();
    }
}
