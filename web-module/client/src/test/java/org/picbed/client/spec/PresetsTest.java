package org.picbed.client.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picbed.client.PicbedSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsTest {

    private static PicbedSettings env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return new PicbedSettings(env, new Properties());
    }

    private static List<String> names(List<Presets.Preset> presets) {
        return presets.stream().map(Presets.Preset::name).toList();
    }

    @Test
    void builtInPresets() {
        Presets presets = Presets.builtIn();
        assertEquals(List.of("thumb", "small", "medium", "large"), presets.all().stream().map(Presets.Preset::name).toList());
        assertEquals(List.of("thumb", "small"), names(presets.eager()));
        assertTrue(presets.find("thumb").orElseThrow().eager());
        assertFalse(presets.find("large").orElseThrow().eager());
        assertTrue(presets.find("huge").isEmpty());

        VariantOptions options = new VariantOptions(presets, 4096, 16_000_000);
        VariantSpec thumb = options.parse("pr:thumb");
        assertEquals(Resize.FILL, thumb.resize());
        assertEquals(Gravity.CENTRE, thumb.gravity().type());
        assertEquals(150, thumb.width());
        assertEquals(150, thumb.height());
        int[] sides = {320, 800, 1600};
        String[] fits = {"small", "medium", "large"};
        for (int i = 0; i < fits.length; i++) {
            VariantSpec spec = options.parse("el:1/pr:" + fits[i]);
            assertEquals(Resize.FIT, spec.resize(), fits[i]);
            assertEquals(sides[i], spec.width(), fits[i]);
            assertEquals(sides[i], spec.height(), fits[i]);
            assertFalse(spec.enlarge(), fits[i] + " never enlarges");
        }
    }

    @Test
    void defaultsWithoutConfiguration() {
        Presets presets = Presets.from(env());
        assertEquals(names(Presets.builtIn().eager()), names(presets.eager()));
        assertEquals(4, presets.all().size());
    }

    @Test
    void configurationAddsAndOverridesPresets() {
        Presets presets = Presets.from(env("PICBED_PRESETS", " avatar=rs:fill:64:64/g:sm; hero = w:2000/q:70 ;"
                + "thumb=rs:fill:100:100;\nempty="));
        assertEquals("rs:fill:64:64/g:sm", presets.find("avatar").orElseThrow().options());
        assertEquals("w:2000/q:70", presets.find("hero").orElseThrow().options());
        assertEquals(List.of("thumb", "small", "medium", "large", "avatar", "hero", "empty"),
                presets.all().stream().map(Presets.Preset::name).toList());

        VariantOptions options = new VariantOptions(presets, 4096, 16_000_000);
        VariantSpec avatar = options.parse("pr:avatar");
        assertEquals(64, avatar.width());
        assertEquals(Gravity.SMART, avatar.gravity().type());
        assertEquals(70, options.parse("pr:hero").quality());
        assertEquals(100, options.parse("pr:thumb").width(), "configuration overrides a built-in");
        assertEquals(VariantSpec.IDENTITY, options.parse("pr:empty"));
    }

    @Test
    void systemPropertyDefinesPresetsToo() {
        Properties system = new Properties();
        system.setProperty("picbed.presets", "card=rs:fit:400:300");
        system.setProperty("picbed.eager-presets", "card");
        Presets presets = Presets.from(new PicbedSettings(Map.of(), system));
        assertEquals(List.of("card"), names(presets.eager()));
    }

    @Test
    void eagerListReplacesTheDefault() {
        Presets presets = Presets.from(env("PICBED_PRESETS", "avatar=rs:fill:64:64",
                "PICBED_EAGER_PRESETS", "avatar, thumb"));
        assertEquals(List.of("avatar", "thumb"), names(presets.eager()));
        assertTrue(presets.find("avatar").orElseThrow().eager());
        assertFalse(presets.find("small").orElseThrow().eager());

        assertEquals(List.of(), Presets.from(env("PICBED_EAGER_PRESETS", "none")).eager());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Presets.from(env("PICBED_EAGER_PRESETS", "thumb,nope")));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void presetsMayUsePresetsInPlace() {
        Presets presets = Presets.from(env("PICBED_PRESETS", "a=pr:b/q:50;b=rs:fill:10:10/q:40;c=q:60"));
        VariantOptions options = new VariantOptions(presets, 4096, 16_000_000);
        VariantSpec a = options.parse("pr:a");
        assertEquals(Resize.FILL, a.resize());
        assertEquals(50, a.quality());
        assertEquals(60, options.parse("pr:a/pr:c").quality());
        assertEquals(50, options.parse("pr:c/pr:a").quality());
        assertEquals(60, options.parse("pr:a:c").quality());
        assertEquals(70, options.parse("pr:a/q:70").quality());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=pr:a", "a=w:10/pr:b;b=preset:c;c=pr:a", "a=pr:b;b=q:1/pr:c:a;c=q:2"})
    void cyclesFailAtStartup(String definitions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Presets.from(env("PICBED_PRESETS", definitions)));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void cycleMessageShowsThePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Presets.from(env("PICBED_PRESETS", "a=pr:b;b=pr:a")));
        assertTrue(e.getMessage().contains("a -> b -> a"), e.getMessage());
        assertTrue(e.getMessage().startsWith("PICBED_PRESETS"), e.getMessage());
    }

    @Test
    void nestingIsLimited() {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < Presets.MAX_DEPTH; i++) {
            chain.append("p").append(i).append("=pr:p").append(i + 1).append(';');
        }
        String deepest = "p" + Presets.MAX_DEPTH + "=q:1";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Presets.from(env("PICBED_PRESETS", chain + deepest)));
        assertTrue(e.getMessage().contains("deeper"), e.getMessage());
        // one level less is fine, and parses
        String shorter = chain.substring(chain.indexOf(";") + 1) + deepest;
        VariantOptions options = new VariantOptions(Presets.from(env("PICBED_PRESETS", shorter)), 4096, 16_000_000);
        assertEquals(1, options.parse("pr:p1").quality());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A=w:1", "a b=w:1", "=w:1", "none=w:1", "a.b=w:1", "w:10", "a=w:1;a=w:2", "a=pr:zz",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=w:1"})
    void malformedDefinitionsFailAtStartup(String definitions) {
        assertThrows(IllegalArgumentException.class, () -> Presets.from(env("PICBED_PRESETS", definitions)));
    }

    @Test
    void presetOptionsAreCheckedAtStartup() {
        for (String bad : List.of("bad=w:abc", "bad=w:99999", "bad=zz:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VariantOptions.from(env("PICBED_PRESETS", bad)), bad);
            assertTrue(e.getMessage().contains("'bad'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> VariantOptions.from(env("PICBED_VARIANT_MAX_SIDE", "1000")),
                "the built-in large preset no longer fits");
        VariantOptions options = VariantOptions.from(env("PICBED_VARIANT_MAX_SIDE", "2000",
                "PICBED_VARIANT_MAX_PIXELS", "3000000"));
        assertEquals(2000, options.maxSide());
        assertEquals(3_000_000L, options.maxPixels());
    }
}
