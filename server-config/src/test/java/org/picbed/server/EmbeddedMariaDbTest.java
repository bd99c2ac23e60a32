package org.picbed.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddedMariaDbTest {

    @Test
    void quotingEscapesQuotesAndBackslashes() {
        assertEquals("'a\\'b\\\\c'", EmbeddedMariaDb.quote("a'b\\c"));
        assertEquals("'plain'", EmbeddedMariaDb.quote("plain"));
    }
}
