package org.picbed.deadletter;

import java.time.Instant;

/**
 * One message in a dead-letter queue: the work queue it failed on, its JMS id, what it was about ({@code kind},
 * e.g. {@code image.created} or {@code callback}, and {@code subject}, e.g. an image id or a group id), why its last
 * attempt failed and how many attempts there were (when the failure was recorded), and when it was first sent.
 */
public record DeadLetter(String queue, String messageId, String kind, String subject, String reason, int attempts,
                         Instant firstFailure, Instant sentAt) {

    /** A JMS message id as the broker writes them ({@code ID:} and a UUID): the only form accepted in selectors. */
    public static boolean validId(String id) {
        return id != null && id.matches("ID:[0-9a-fA-F-]{36}");
    }
}
