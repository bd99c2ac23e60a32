package org.picbed.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ByteRangeTest {

    private static final String ETAG = "\"abc\"";

    @Test
    void explicitOpenAndSuffixRanges() {
        assertEquals(new ByteRange(0, 9), ByteRange.parse("bytes=0-9", 100, null, ETAG));
        assertEquals(new ByteRange(90, 99), ByteRange.parse("bytes=90-", 100, null, ETAG));
        assertEquals(new ByteRange(80, 99), ByteRange.parse("bytes=-20", 100, null, ETAG));
        assertEquals(new ByteRange(0, 99), ByteRange.parse("bytes=-500", 100, null, ETAG));
        assertEquals(new ByteRange(50, 99), ByteRange.parse("bytes=50-1000", 100, null, ETAG));
    }

    @Test
    void unsatisfiableAndIgnoredRanges() {
        assertEquals(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=100-", 100, null, ETAG));
        assertNull(ByteRange.parse("bytes=0-1,5-6", 100, null, ETAG));
        assertNull(ByteRange.parse("items=0-1", 100, null, ETAG));
        assertNull(ByteRange.parse("bytes=x-1", 100, null, ETAG));
        assertNull(ByteRange.parse("bytes=0-9", 100, "\"other\"", ETAG));
        assertEquals(new ByteRange(0, 9), ByteRange.parse("bytes=0-9", 100, ETAG, ETAG));
    }
}
