package org.picbed.site;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SiteStatsTest {

    @Test
    void lagQuantilesOverTheLastMinute() {
        SiteStats stats = new SiteStats();
        Instant t0 = Instant.parse("2026-11-22T06:00:00Z");
        stats.applied("sh", t0.minusSeconds(120), t0.minusSeconds(70), 1);   // a minute ago: not counted
        for (int i = 1; i <= 100; i++) {
            stats.applied("sh", t0, t0.plusMillis(i * 10L), 2_000_000);
        }
        SiteStats.Lag lag = stats.lag(t0.plusSeconds(2));
        assertEquals(100, lag.count());
        assertEquals(500, lag.p50Millis());
        assertEquals(990, lag.p99Millis());
        assertEquals(1000, lag.maxMillis());
        assertEquals(101, stats.peer("sh").applied());
        assertEquals(0, stats.lag(t0.plusSeconds(62)).count());
    }
}
