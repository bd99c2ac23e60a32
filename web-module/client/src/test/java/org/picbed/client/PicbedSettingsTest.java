package org.picbed.client;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PicbedSettingsTest {

    @Test
    void systemPropertiesComeBeforeTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("picbed.signing.key", "from-property");
        PicbedSettings settings = new PicbedSettings(Map.of("PICBED_SIGNING_KEY", "from-env", "PICBED_API_KEY", " k "), system);
        assertEquals("from-property", settings.get("signing.key").orElseThrow());
        assertEquals("k", settings.get("api-key").orElseThrow(), "trimmed; dashes and dots become underscores");
        assertEquals("PICBED_VARIANT_MAX_SIDE", PicbedSettings.envName("variant.max-side"));
    }

    @Test
    void aSourceFallsBackToAnotherAndBlankIsUnset() {
        PicbedSettings context = PicbedSettings.of(Map.of("url", "https://a.example", "presets", "  "));
        PicbedSettings merged = context.orElse(PicbedSettings.of(Map.of("url", "https://b.example", "presets", "x=w:1", "api-key", "k")));
        assertEquals("https://a.example", merged.get("url").orElseThrow());
        assertEquals("x=w:1", merged.get("presets").orElseThrow(), "blank counts as unset");
        assertEquals("k", merged.get("api-key").orElseThrow());
        assertFalse(merged.get("nothing").isPresent());
    }

    @Test
    void numbersAndBooleans() {
        PicbedSettings settings = PicbedSettings.of(Map.of("a", "12", "b", "yes", "c", "twelve"));
        assertEquals(12, settings.getInt("a", 0));
        assertEquals(7, settings.getInt("missing", 7));
        assertTrue(settings.getBoolean("b", false));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings.getInt("c", 0));
        assertTrue(e.getMessage().contains("PICBED_C"), e.getMessage());
    }
}
