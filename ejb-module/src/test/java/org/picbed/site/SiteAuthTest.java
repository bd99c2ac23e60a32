package org.picbed.site;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteAuthTest {

    private final SiteAuth auth = new SiteAuth("shared-secret");
    private final Instant now = Instant.parse("2026-11-22T06:00:00Z");
    private final String path = "/internal/blobs/" + "ab".repeat(32);

    @Test
    void acceptsItsOwnSignatureAndNamesTheCaller() {
        assertEquals(Optional.of("bj"), auth.verify(auth.sign("bj", "GET", path, now), "GET", path, now.plusSeconds(30)));
    }

    @Test
    void refusesAnythingElse() {
        String header = auth.sign("bj", "GET", path, now);
        assertTrue(auth.verify(header, "GET", path + "0", now).isEmpty(), "other path");
        assertTrue(auth.verify(header, "POST", path, now).isEmpty(), "other method");
        assertTrue(auth.verify(header.replaceFirst("^bj", "sh"), "GET", path, now).isEmpty(), "other site");
        assertTrue(auth.verify(header, "GET", path, now.plusSeconds(301)).isEmpty(), "too old");
        assertTrue(new SiteAuth("other").verify(header, "GET", path, now).isEmpty(), "other secret");
        assertTrue(auth.verify(null, "GET", path, now).isEmpty());
        assertTrue(auth.verify("bj:notanumber:x", "GET", path, now).isEmpty());
        assertTrue(auth.verify("garbage", "GET", path, now).isEmpty());
    }
}
