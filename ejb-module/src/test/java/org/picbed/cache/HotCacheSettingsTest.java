package org.picbed.cache;

import org.junit.jupiter.api.Test;
import org.picbed.config.Settings;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HotCacheSettingsTest {

    @Test
    void defaultsBoundMemoryToEntriesTimesItemSize() {
        HotCacheSettings s = HotCacheSettings.from(new Settings(Map.of(), new Properties()));
        assertEquals(1024L * 128 * 1024, s.maxBytes());
        assertTrue(s.fits(128 * 1024));
        assertFalse(s.fits(128 * 1024 + 1));
    }

    @Test
    void limitsComeFromTheEnvironment() {
        HotCacheSettings s = HotCacheSettings.from(new Settings(
                Map.of("PICBED_HOT_CACHE_ENTRIES", "10", "PICBED_HOT_CACHE_MAX_ITEM_KB", "1"), new Properties()));
        assertEquals(10 * 1024L, s.maxBytes());
        assertThrows(IllegalArgumentException.class, () -> new HotCacheSettings(0, 1));
    }
}
