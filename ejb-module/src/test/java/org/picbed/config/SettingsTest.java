package org.picbed.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsTest {

    @Test
    void systemPropertyWinsOverEnvironment() {
        Properties sys = new Properties();
        sys.setProperty("picbed.storage.dir", "/from/property");
        Settings s = new Settings(Map.of("PICBED_STORAGE_DIR", "/from/env"), sys);
        assertEquals("/from/property", s.get("storage.dir", "x"));
    }

    @Test
    void environmentNameIsDerivedFromTheSettingName() {
        Settings s = new Settings(Map.of("PICBED_HOT_CACHE_MB", " 64 "), new Properties());
        assertEquals(64, s.getInt("hot-cache.mb", 1));
        assertEquals("PICBED_HOT_CACHE_MB", Settings.envName("hot-cache.mb"));
    }

    @Test
    void blankMeansUnset() {
        Settings s = new Settings(Map.of("PICBED_X", "  "), new Properties());
        assertEquals("d", s.get("x", "d"));
    }

    @Test
    void homeFallsBackToServerDataDir() {
        Properties sys = new Properties();
        sys.setProperty("jboss.server.data.dir", "/srv/wf/data");
        assertEquals(Path.of("/srv/wf/data/picbed"), new Settings(Map.of(), sys).home());
        assertEquals(Path.of("/h"), new Settings(Map.of("PICBED_HOME", "/h"), sys).home());
    }

    @Test
    void badIntegerNamesTheVariable() {
        Settings s = new Settings(Map.of("PICBED_N", "ten"), new Properties());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.getInt("n", 1));
        assertEquals("PICBED_N must be an integer, got 'ten'", e.getMessage());
    }
}
