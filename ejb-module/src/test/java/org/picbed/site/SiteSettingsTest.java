package org.picbed.site;

import org.junit.jupiter.api.Test;
import org.picbed.config.Settings;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteSettingsTest {

    private static SiteSettings of(Map<String, String> env) {
        return SiteSettings.from(new Settings(env, new Properties()));
    }

    @Test
    void singleSiteByDefault() {
        SiteSettings s = of(Map.of());
        assertEquals("local", s.site());
        assertFalse(s.multiSite());
    }

    @Test
    void peersWithSeveralUrls() {
        SiteSettings s = of(Map.of("PICBED_SITE", "bj", "PICBED_SITE_SECRET", "x",
                "PICBED_PEERS", "sh=http://127.0.0.1:8180|http://127.0.0.1:8190/, gz=https://gz.example"));
        assertEquals(List.of("sh", "gz"), s.peers().stream().map(Peer::name).toList());
        assertEquals(List.of(URI.create("http://127.0.0.1:8180"), URI.create("http://127.0.0.1:8190")), s.peer("sh").orElseThrow().urls());
        assertTrue(s.multiSite());
    }

    @Test
    void refusesBadPeerLists() {
        assertThrows(IllegalArgumentException.class, () -> of(Map.of("PICBED_PEERS", "sh=http://a:1")), "secret required");
        for (String bad : List.of("sh", "SH=http://a:1", "bj=http://a:1", "sh=ftp://a", "sh=http://a:1,sh=http://b:1", "sh=")) {
            assertThrows(IllegalArgumentException.class,
                    () -> of(Map.of("PICBED_SITE", "bj", "PICBED_SITE_SECRET", "x", "PICBED_PEERS", bad)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> of(Map.of("PICBED_SITE", "Beijing!")));
    }
}
