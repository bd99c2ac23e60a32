/**
 * Dead letters: the messages that used up their attempts. {@link org.picbed.deadletter.DeadLetters} is the port to
 * the broker (jms-module browses and moves them); {@link org.picbed.deadletter.MessageFailures} keeps why a message
 * failed and who redrove or discarded it. Uses error only.
 */
package org.picbed.deadletter;
