package org.picbed.health;

import java.util.Map;

/** Port: how many messages wait in each work queue and dead-letter queue (implemented in jms-module). */
public interface QueueGauges {

    /** Message counts by queue name (e.g. {@code picbed.bulk.dlq}); counting stops at {@link #CAP}. */
    Map<String, Long> depths();

    long CAP = 100_000;
}
