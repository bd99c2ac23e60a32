package org.picbed.deadletter;

import java.util.List;

/** Port: the dead-letter queues of picbed's work queues on the broker (implemented in jms-module). */
public interface DeadLetters {

    /** The work queues that have a dead-letter queue, e.g. {@code picbed.callbacks}. */
    List<String> queues();

    /** Up to {@code limit} dead letters of a work queue, oldest first. */
    List<DeadLetter> list(String queue, int limit);

    /** How many messages the dead-letter queue of a work queue holds. */
    long count(String queue);

    /**
     * Moves dead letters back to their work queue (all of them, up to {@code limit}, when {@code ids} is empty) in one
     * transaction, audited as {@code actor}; returns the ids moved.
     */
    List<String> redrive(String queue, List<String> ids, int limit, String actor);

    /** Drops dead letters for good (all, up to {@code limit}, when {@code ids} is empty), audited; returns the ids dropped. */
    List<String> discard(String queue, List<String> ids, int limit, String actor);
}
