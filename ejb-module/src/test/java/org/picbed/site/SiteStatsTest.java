package org.picbed.site;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SiteStatsTest {

    @Test
    void lagQuantilesOverTheRecentSamples() {
        SiteStats stats = new SiteStats();
        Instant t0 = Instant.parse("2026-11-22T06:00:00Z");
        for (int i = 1; i <= 100; i++) {
            stats.applied("sh", t0, t0.plusMillis(i * 10L));
        }
        SiteStats.Lag lag = stats.lag();
        assertEquals(100, lag.count());
        assertEquals(500, lag.p50Millis());
        assertEquals(990, lag.p99Millis());
        assertEquals(1000, lag.maxMillis());
        assertEquals(100, stats.peer("sh").applied());
    }
}
