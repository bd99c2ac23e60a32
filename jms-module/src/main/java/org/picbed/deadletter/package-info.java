/**
 * The broker side of dead letters: {@link org.picbed.deadletter.FailedMessages} records why a message failed (every
 * listener goes through {@link org.picbed.deadletter.FailureWatch}), {@link org.picbed.deadletter.JmsDeadLetters}
 * browses, redrives and discards the dead-letter queues.
 */
package org.picbed.deadletter;
