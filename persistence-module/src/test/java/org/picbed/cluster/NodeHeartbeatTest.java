package org.picbed.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeHeartbeatTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void newerBeatMovesTheRecordForward() {
        NodeHeartbeat hb = new NodeHeartbeat("n1", T0, T0.plusMillis(5));
        assertTrue(hb.beat(T0.plusSeconds(30), T0.plusSeconds(30).plusMillis(7)));
        assertEquals(2, hb.beats());
        assertEquals(T0.plusSeconds(30), hb.lastSentAt());
        assertEquals(Duration.ofMillis(7), hb.transitTime());
    }

    @Test
    void duplicateOrOlderBeatIsIgnored() {
        NodeHeartbeat hb = new NodeHeartbeat("n1", T0.plusSeconds(30), T0.plusSeconds(31));
        assertFalse(hb.beat(T0.plusSeconds(30), T0.plusSeconds(40)));
        assertFalse(hb.beat(T0, T0.plusSeconds(40)));
        assertEquals(1, hb.beats());
        assertEquals(T0.plusSeconds(31), hb.lastReceivedAt());
    }

    @Test
    void nodeNameIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new NodeHeartbeat(" ", T0, T0));
        assertThrows(IllegalArgumentException.class, () -> new NodeHeartbeat("x".repeat(65), T0, T0));
    }
}
