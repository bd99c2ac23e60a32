package org.picbed.image.source;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceOriginsTest {

    @Test
    void onlyListedOriginsSchemeHostAndPort() {
        SourceOrigins o = SourceOrigins.of("https://images.example.com, http://127.0.0.1:8123,https://*.cdn.example");
        assertTrue(o.allows("https://images.example.com/a/b.jpg?x=1"));
        assertTrue(o.allows("https://IMAGES.example.com:443/a.jpg"));
        assertFalse(o.allows("http://images.example.com/a.jpg"), "another scheme");
        assertFalse(o.allows("https://images.example.com:8443/a.jpg"), "another port");
        assertFalse(o.allows("https://images.example.com.evil.test/a.jpg"));
        assertFalse(o.allows("https://user@images.example.com/a.jpg"), "no user info");
        assertTrue(o.allows("http://127.0.0.1:8123/x.png"));
        assertFalse(o.allows("http://127.0.0.1:8124/x.png"));
        assertTrue(o.allows("https://a.b.cdn.example/x.png"));
        assertFalse(o.allows("https://cdn.example/x.png"), "*. means subdomains");
        assertFalse(o.allows("not a url"));
    }

    @Test
    void emptyMeansOff() {
        assertTrue(SourceOrigins.of("").isOff());
        assertFalse(SourceOrigins.of("").allows("https://images.example.com/a.jpg"));
    }

    @Test
    void badEntriesFailAtStart() {
        assertThrows(IllegalArgumentException.class, () -> SourceOrigins.of("ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> SourceOrigins.of("https://x/path"));
    }
}
