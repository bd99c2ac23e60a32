package org.picbed.client.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantOptionsTest {

    private final VariantOptions options = new VariantOptions(withPreset("x", "rs:fill:300:200"), 4096, 16_000_000L);

    static Presets withPreset(String name, String presetOptions) {
        Map<String, String> all = new LinkedHashMap<>();
        Presets.builtIn().all().forEach(p -> all.put(p.name(), p.options()));
        all.put(name, presetOptions);
        return new Presets(all, List.of("thumb", "small"));
    }

    private VariantSpec parse(String text) {
        return options.parse(text);
    }

    private InvalidOptionsException rejected(String text, String code) {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> options.parse(text), text);
        assertEquals(code, e.code(), text + ": " + e.getMessage());
        return e;
    }

    // ---- every option, long and short name

    @ParameterizedTest
    @CsvSource({"rs:fill:300:200:1, resize:fill:300:200:true", "s:300:200:1, size:300:200:t",
            "rt:fill/w:300/h:200/el:1, resizing_type:fill/width:300/height:200/enlarge:true"})
    void resizeOptions(String shortName, String longName) {
        VariantSpec spec = parse(shortName);
        assertEquals(spec, parse(longName));
        assertEquals(300, spec.width());
        assertEquals(200, spec.height());
        assertTrue(spec.enlarge());
    }

    @Test
    void resizeSetsTypeAndSize() {
        VariantSpec fill = parse("rs:fill:300:200");
        assertEquals(Resize.FILL, fill.resize());
        assertFalse(fill.enlarge());
        assertEquals(Resize.FORCE, parse("rs:force:300:200").resize());
        assertEquals(Resize.FIT, parse("s:300:200").resize());
        assertEquals(Resize.FILL, parse("s:300:200/rt:fill").resize());
    }

    @Test
    void missingOrEmptyTrailingArgumentsKeepTheCurrentValue() {
        VariantSpec typeAndWidth = parse("h:100/rs:fill:300");
        assertEquals(Resize.FILL, typeAndWidth.resize());
        assertEquals(300, typeAndWidth.width());
        assertEquals(100, typeAndWidth.height());
        VariantSpec heightOnly = parse("w:50/rs:fill::200");
        assertEquals(50, heightOnly.width());
        assertEquals(200, heightOnly.height());
        assertEquals(Resize.FILL, heightOnly.resize());
        assertTrue(parse("rs:fit:10:10:1/rs:fill:20").enlarge());
    }

    @Test
    void dprIsKeptForTheRenderToLimit() {
        VariantSpec spec = parse("dpr:2/rs:fill:150:100");
        assertEquals(150, spec.width());
        assertEquals(100, spec.height());
        assertEquals(2, spec.dpr());
        assertEquals("rs:fill:150:100/dpr:2", spec.canonical());
        assertEquals(new VariantSpec.Crop(100, 50, VariantSpec.Position.CENTRE), parse("c:100:50/w:10/dpr:2").crop(),
                "crops are source pixels, as in imgproxy");
    }

    @Test
    void imgproxyOptionsWithPositionsAndCanvases() {
        assertEquals(new VariantSpec.Position(Gravity.NORTH, 10, 5), parse("rs:fill:10:10/g:no:10:5").gravity());
        assertEquals(new VariantSpec.Position(Gravity.NORTH_WEST, 0, 0.1), parse("rs:fill:10:10/g:nowe::0.1").gravity());
        assertEquals(new VariantSpec.Position(Gravity.FOCUS_POINT, 0.25, 0.75), parse("rs:fill:10:10/g:fp:0.25:0.75").gravity());
        assertEquals(new VariantSpec.Crop(100, 200, new VariantSpec.Position(Gravity.NORTH_WEST, 10, 20)),
                parse("crop:100:200:nowe:10:20").crop());
        assertEquals(new VariantSpec.Crop(0.5, 0.25, VariantSpec.Position.CENTRE), parse("c:0.5:0.25").crop());
        assertEquals(new VariantSpec.Extend(new VariantSpec.Position(Gravity.SOUTH, 10, 20)), parse("ex:1:so:10:20").extend());
        assertEquals(new VariantSpec.Extend(VariantSpec.Position.CENTRE), parse("rs:fit:10:10:0:1").extend());
        assertNull(parse("ex:1/ex:0").extend());
        assertEquals(new VariantSpec.Extend(VariantSpec.Position.of(Gravity.EAST)), parse("exar:1:ea").extendAspectRatio());
        assertEquals(new VariantSpec.Padding(10, 20, 10, 20), parse("pd:10:20").padding());
        assertEquals(new VariantSpec.Padding(1, 2, 3, 2), parse("padding:1:2:3").padding());
        assertEquals(new VariantSpec.Padding(5, 5, 5, 5), parse("pd:5").padding());
        assertEquals(8, parse("pix:8").pixelate());
        assertEquals(0, parse("pixelate:1").pixelate(), "a block of one pixel changes nothing");
        assertEquals(Resize.FILL_DOWN, parse("rs:fill-down:10:10").resize());
        assertEquals(Resize.AUTO, parse("rt:auto/s:10:20").resize());
        assertEquals(2.5, parse("z:2.5").zoomX());
        assertEquals(Map.of("webp", 60, "jpg", 70), parse("fq:webp:60:jpeg:70").formatQuality());
        assertEquals(60, parse("fq:webp:60/q:90").forOutput("webp").quality());
        assertEquals(90, parse("fq:webp:60/q:90").forOutput("png").quality());
        assertEquals(5000, parse("mb:5000").maxBytes());
        assertEquals(Set.of("jpg", "png"), parse("skp:jpeg:png").skipProcessing());
        assertEquals(new VariantSpec.Trim(10, new VariantSpec.Rgb(255, 0, 0), true, false), parse("t:10:ff0000:1").trim());
        assertNull(parse("t:10/t:").trim());
        assertEquals(parse("w:100"), parse("w:100/cb:123/cachebuster:abc"), "a cache buster changes only the URL");
        VariantOptions.Parsed request = options.parseRequest("f:webp/exp:1700000000/fn:cat:0/att:1/raw:1");
        assertEquals("webp", request.format());
        assertEquals(1700000000L, request.expires());
        assertEquals("cat", request.filename());
        assertTrue(request.attachment());
        assertTrue(request.raw());
        assertEquals(VariantSpec.IDENTITY, request.spec());
        assertEquals("jpg", options.parseRequest("ext:jpeg").format());
        assertEquals(VariantSpec.IDENTITY, parse("sm:0/scp:1/eth:1/ph:0/mafr:10/maf:5"), "accepted, ignored");
        assertFalse(parse("el:yes/w:10").enlarge(), "a boolean imgproxy cannot read is false, as in imgproxy");
        assertEquals(270, parse("rot:-90").rotate());
        assertEquals(500_000, parse("msr:0.5").maxSourcePixels());
        assertEquals(10, parse("msr:0.00001").maxSourcePixels());
        assertEquals("msr:0.00001", parse("msr:0.00001").canonical());
        assertEquals(0, parse("rot:360").rotate());
    }

    @ParameterizedTest
    @CsvSource({"g:sm, gravity:sm, SMART", "g:noea, gravity:noea, NORTH_EAST", "g:we, gravity:we, WEST"})
    void gravity(String shortName, String longName, Gravity expected) {
        assertEquals(expected, parse("rs:fill:10:10/" + shortName).gravity().type());
        assertEquals(expected, parse("rs:fill:10:10/" + longName).gravity().type());
    }

    @Test
    void crop() {
        assertEquals(new VariantSpec.Crop(100, 50, VariantSpec.Position.of(Gravity.NORTH)), parse("c:100:50:no").crop());
        assertEquals(new VariantSpec.Crop(100, 50, VariantSpec.Position.of(Gravity.NORTH)), parse("crop:100:50:no").crop());
        assertEquals(new VariantSpec.Crop(100, 50, VariantSpec.Position.of(Gravity.SOUTH_WEST)), parse("c:100:50/g:sowe").crop(),
                "without its own gravity a crop follows the gravity option");
        assertEquals(new VariantSpec.Crop(100, 80, VariantSpec.Position.CENTRE), parse("c:100:50/c::80").crop());
        assertNull(parse("c:100:50/c:0:0").crop());
    }

    @ParameterizedTest
    @CsvSource({"q:75, quality:75, 75", "q:0, quality:0, 80", "q:100, quality:100, 100", "q:1, quality:1, 1"})
    void quality(String shortName, String longName, int expected) {
        assertEquals(expected, parse(shortName).quality());
        assertEquals(expected, parse(longName).quality());
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void rotate(int degrees) {
        assertEquals(degrees, parse("rot:" + degrees).rotate());
        assertEquals(degrees, parse("rotate:" + degrees).rotate());
    }

    @Test
    void flip() {
        assertTrue(parse("fl").flipX());
        assertTrue(parse("flip").flipX());
        assertTrue(parse("fl:1:0").flipX());
        assertEquals(VariantSpec.IDENTITY, parse("fl/fl:0"));
        VariantSpec vertical = parse("flip:false:true");
        assertTrue(vertical.flipX(), "stored as a horizontal flip ...");
        assertEquals(180, vertical.rotate(), "... plus a half turn");
    }

    @Test
    void blurAndSharpen() {
        assertEquals(1.5, parse("bl:1.5").blur());
        assertEquals(1.5, parse("blur:1.5").blur());
        assertEquals(1.23, parse("bl:1.234").blur(), "two decimals, like the canonical form");
        assertEquals(2, parse("sh:2").sharpen());
        assertEquals(0.25, parse("sharpen:0.25").sharpen());
    }

    @Test
    void background() {
        VariantSpec.Rgb orange = new VariantSpec.Rgb(255, 136, 0);
        assertEquals(orange, parse("bg:ff8800").background());
        assertEquals(orange, parse("background:FF8800").background());
        assertEquals(orange, parse("bg:255:136:0").background());
        assertEquals(orange, parse("bg:f80").background());
        assertNull(parse("bg:ff8800/bg").background(), "a bare bg removes the background");
    }

    @Test
    void watermark() {
        assertEquals(new VariantSpec.Watermark(0.5, VariantSpec.Position.CENTRE, false, 0), parse("wm:0.5").watermark());
        VariantSpec.Watermark full = new VariantSpec.Watermark(0.5, new VariantSpec.Position(Gravity.SOUTH_EAST, 10, -5),
                false, 0.25);
        assertEquals(full, parse("wm:0.5:soea:10:-5:0.25").watermark());
        assertEquals(full, parse("watermark:0.5:soea:10:-5:0.25").watermark());
        assertEquals(new VariantSpec.Watermark(0.8, new VariantSpec.Position(Gravity.SOUTH_EAST, 10, -5), false, 0.25),
                parse("wm:0.5:soea:10:-5:0.25/wm:0.8").watermark(), "missing arguments keep their values");
        assertNull(parse("wm:1:no/wm:0").watermark());
        assertTrue(parse("wm:0.5:re:10:20").watermark().replicate());
    }

    @Test
    void metadataOptions() {
        assertFalse(parse("ar:0").autoRotate());
        assertFalse(parse("auto_rotate:false").autoRotate());
        assertTrue(parse("ar:0/ar:t").autoRotate());
        assertFalse(parse("kcr:0").keepCopyright());
        assertFalse(parse("keep_copyright:f").keepCopyright());
        assertEquals(VariantSpec.IDENTITY, parse("sm:1"));
        assertEquals(VariantSpec.IDENTITY, parse("strip_metadata:true"));
    }

    @Test
    void presetsExpandInPlaceAndLaterOptionsWin() {
        VariantSpec thumb = parse("pr:thumb");
        assertEquals(VariantSpec.builder().resize(Resize.FILL, 150, 150).build(), thumb);
        assertEquals(thumb, parse("preset:thumb"));
        assertEquals(Resize.FIT, parse("pr:thumb/rs:fit:100:100").resize());
        assertEquals(150, parse("rs:fit:100:100/pr:thumb").width());
        assertFalse(parse("el:1/pr:small").enlarge(), "built-in presets never enlarge");
        assertEquals(800, parse("pr:small:medium").width(), "the last named preset wins");
    }

    // ---- errors

    @ParameterizedTest
    @ValueSource(strings = {"zz:1", "w:10//h:10", "w:10/", "/w:10", ":", "pad:1",
            "w:1:2", "rt", "rt:fill:fit", "rs", "q", "c", "c:1:2:ce:x", "g",
            "wm", "wm:1:ce:0:0:0:0", "fl:1:1:1", "bg:1:2", "ar", "sm", "kcr:1:1", "pr", "dpr",
            "w:abc", "w:-5", "w:+5", "w:1.5", "w:1e3", "w:", "h:0x10", "q:1e2", "bl:x", "bl:-1", "dpr:abc", "c:a:1",
            "wm:0.5:ce:a:0", "rot:abc",
            "q:101", "rot:45", "bl:100.5", "sh:101", "wm:1.5", "wm:0.5:ce:0:0:2", "dpr:0",
            "dpr:9", "bg:256:0:0", "bg:ggg", "bg:12345", "c:70000:1", "wm:0.5:ce:5000:0",
            "rs:crop:1:1", "g:xx", "wm:0.5:sm", "orig/w:10", "RS:fill:1:1"})
    void invalidOptions(String text) {
        assertTrue(rejected(text, "invalid_option").getMessage().startsWith("option '"));
    }

    @Test
    void errorMessagesNameTheSegment() {
        assertTrue(rejected("w:10/q:abc", "invalid_option").getMessage().contains("'q:abc'"));
        assertTrue(rejected("rt:zz", "invalid_option").getMessage().contains("fit, fill, fill-down, force or auto"));
        assertTrue(rejected("wm:1:sm", "invalid_option").getMessage().contains("watermark position"));
    }

    @Test
    void metadataIsAlwaysStrippedAndAskingOtherwiseIsIgnored() {
        assertEquals(VariantSpec.IDENTITY, parse("sm:0"));
        assertEquals(VariantSpec.IDENTITY, parse("strip_metadata:false"));
    }

    @Test
    void unknownPreset() {
        assertTrue(rejected("pr:nope", "unknown_preset").getMessage().contains("'nope'"));
        rejected("w:10/preset:thumb:nope", "unknown_preset");
    }

    @Test
    void sizeLimitsApplyToTheResolvedSize() {
        assertEquals(4096, parse("w:4096").width());
        assertEquals(8000, parse("w:8000/dpr:0.5").width(), "8000 x 0.5 is within the limit");
        rejected("w:4097", "variant_too_large");
        rejected("w:2049/dpr:2", "variant_too_large");
        rejected("rs:fit:4096:4096", "variant_too_large");
        assertEquals(3906, parse("rs:fit:4096:3906").height());
        rejected("h:999999999/dpr:8", "variant_too_large");

        VariantOptions small = new VariantOptions(new Presets(Map.of(), List.of()), 500, 100_000);
        assertEquals(500, small.parse("w:500").width());
        assertThrows(InvalidOptionsException.class, () -> small.parse("w:501"));
        assertThrows(InvalidOptionsException.class, () -> small.parse("s:400:400"));
        assertThrows(IllegalArgumentException.class, () -> new VariantOptions(Presets.builtIn(), 100, 1_000_000),
                "a built-in preset above the limits fails at startup");
    }

    @Test
    void messagesNeverEchoUnboundedInput() {
        String longName = "z".repeat(500);
        String message = rejected(longName + ":1", "invalid_option").getMessage();
        assertFalse(message.contains(longName));
        assertTrue(message.length() < 140, message);
        assertFalse(rejected("w:\u0000\n", "invalid_option").getMessage().contains("\n"));
        rejected("w:1/".repeat(300) + "w:1", "invalid_option");
    }

    // ---- canonicalization: spellings of the same output resolve equally

    @ParameterizedTest
    @ValueSource(strings = {
            "rs:fill:300:200/g:ce | resize:fill:300:200 | w:300/h:200/rt:fill | pr:x"
                    + " | rs:fill:300:200:0 | rs:fit:1:1/rs:fill:300:200 | g:ce/pr:x/q:80",
            "rs:fit:300:200/g:no | rs:fit:300:200 | s:300:200/g:sm | rs:force:300:200/rt:fit/g:sowe",
            "rs:fill:300 | rs:fit:300 | w:300/rt:fill/g:sm | rs:fill:300:0",
            " | orig | q:0 | q:80 | sm:1 | strip_metadata:true | el:1 | rt:fill/g:sm | wm:0:soea | fl:0:0 | rot:0"
                    + " | bl:0 | ar:1/kcr:1 | bg:fff/bg | dpr:1 | c:0:0 | w:0/h:0 | rs:force:0:0:1 | bl:0.001",
            "rot:180 | fl:1:1 | rot:90/rot:180 | rotate:180 | fl/fl:1:1/fl:0:0/rot:180",
            "fl:0:1 | rot:180/fl | flip:false:true",
            "rot:90/fl:1:1 | rot:270 | rot:90/fl:0:1/fl:1:1",
            "bg:ff0000 | bg:255:0:0 | bg:f00 | background:FF0000",
            "c:100:0:no | c:100:0:ce | c:100:0:so | c:100:0/g:no",
            "c:0:100:ea | c:0:100 | crop:0:100:we",
            "c:100:100/g:no | c:100:100:no | g:no/c:100:100 | g:no/c:100:100/g:ce/c:100:100:no",
            "bl:1.234 | bl:1.23 | blur:1.230",
            "pr:thumb | rs:fill:150:150 | pr:thumb/g:ce | pr:small/pr:thumb",
            "wm:0.5 | wm:0.5:ce:0:0:0 | wm:0.504 | watermark:0.5:ce",
    })
    void spellingsOfTheSameOutputAreEqual(String group) {
        List<String> spellings = List.of(group.split("\\|", -1)).stream().map(String::trim).toList();
        VariantSpec first = parse(spellings.get(0));
        for (String spelling : spellings) {
            VariantSpec spec = parse(spelling);
            assertEquals(first, spec, spelling + " vs " + spellings.get(0));
            assertEquals(first.canonical(), spec.canonical(), spelling);
        }
    }

    @ParameterizedTest
    @CsvSource({"rs:fill:300:200/g:no, rs:fill:300:200", "rs:force:300, rs:fit:300", "c:100:100:no, c:100:100:so",
            "rot:90/fl, rot:90", "fl:1, fl:0:1", "rs:fit:300:200:1, rs:fit:300:200", "q:79, q:80",
            "rs:fill:300:200, rs:fill:200:300", "bl:1.23, bl:1.24", "c:100:0:ea, c:100:0:we"})
    void differentOutputsAreNotEqual(String a, String b) {
        assertNotEquals(parse(a), parse(b));
        assertNotEquals(parse(a).canonical(), parse(b).canonical());
    }

    @Test
    void noOptionsIsTheIdentity() {
        assertEquals(VariantSpec.IDENTITY, parse(""));
        assertEquals(VariantSpec.IDENTITY, parse(null));
        assertEquals("orig", parse("").canonical());
        assertEquals("c:10:20:no/rs:fill:300:200:1/g:sm/rot:90/fl:1:0/bl:1.5/sh:2/bg:ff0000/wm:0.5:soea:1:2:0.3"
                        + "/ar:0/q:70/kcr:0",
                parse("kcr:0/q:70/ar:0/wm:0.5:soea:1:2:0.3/bg:f00/sh:2/bl:1.5/fl/rot:90/g:sm/rs:fill:300:200:1"
                        + "/c:10:20:no").canonical());
    }

    // ---- the canonical form parses back to an equal spec

    @Test
    void canonicalFormRoundTrips() {
        Random random = new Random(20240611);
        Set<String> distinct = new HashSet<>();
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomOptions(random);
            VariantSpec spec;
            try {
                spec = parse(text);
            } catch (InvalidOptionsException e) {
                assertEquals("variant_too_large", e.code(), text + ": " + e.getMessage());
                continue;
            }
            parsed++;
            String canonical = spec.canonical();
            VariantSpec again = parse(canonical);
            assertEquals(spec, again, text + " -> " + canonical);
            assertEquals(canonical, again.canonical(), text);
            distinct.add(canonical);
        }
        assertTrue(parsed > 15_000, "parsed " + parsed);
        assertTrue(distinct.size() > 10_000, "distinct " + distinct.size());
    }

    private static final String[] GRAVITIES = {"ce", "no", "so", "ea", "we", "noea", "nowe", "soea", "sowe", "sm"};
    private static final String[] POSITIONS = {"ce", "no", "so", "ea", "we", "noea", "nowe", "soea", "sowe"};

    static String randomOptions(Random r) {
        List<String> segments = new ArrayList<>();
        int count = r.nextInt(8);
        for (int i = 0; i < count; i++) {
            segments.add(randomSegment(r));
        }
        return String.join("/", segments);
    }

    private static String randomSegment(Random r) {
        return switch (r.nextInt(22)) {
            case 0 -> "rs:" + pick(r, "fit", "fill", "force", "fill-down", "auto") + ":" + side(r) + ":" + side(r)
                    + (r.nextBoolean() ? ":" + r.nextInt(2) : "");
            case 1 -> "s:" + side(r) + (r.nextBoolean() ? ":" + side(r) : "");
            case 2 -> pick(r, "w:", "h:") + side(r);
            case 3 -> "dpr:" + pick(r, "1", "1.5", "2", "3", "0.5", "0.333");
            case 4 -> "g:" + pick(r, GRAVITIES);
            case 5 -> "c:" + r.nextInt(3000) + ":" + r.nextInt(3000) + (r.nextBoolean() ? ":" + pick(r, GRAVITIES) : "");
            case 6 -> "q:" + r.nextInt(101);
            case 7 -> "rot:" + pick(r, "0", "90", "180", "270");
            case 8 -> "fl" + (r.nextBoolean() ? ":" + r.nextInt(2) + (r.nextBoolean() ? ":" + r.nextInt(2) : "") : "");
            case 9 -> pick(r, "bl:", "sh:") + r.nextInt(100) + "." + r.nextInt(1000);
            case 10 -> switch (r.nextInt(3)) {
                case 0 -> String.format("bg:%06x", r.nextInt(1 << 24));
                case 1 -> "bg:" + r.nextInt(256) + ":" + r.nextInt(256) + ":" + r.nextInt(256);
                default -> "bg";
            };
            case 11 -> "wm:" + pick(r, "0", "1", "0.5", "0." + r.nextInt(1000))
                    + (r.nextBoolean() ? ":" + pick(r, POSITIONS) + (r.nextBoolean()
                    ? ":" + (r.nextInt(201) - 100) + ":" + (r.nextInt(201) - 100)
                    + (r.nextBoolean() ? ":0." + r.nextInt(100) : "") : "") : "");
            case 12 -> pick(r, "ar:", "kcr:", "el:") + pick(r, "0", "1", "t", "f", "true", "false");
            case 13 -> "sm:1";
            case 14 -> "pr:" + pick(r, "thumb", "small", "medium", "large", "x");
            case 15 -> "rt:" + pick(r, "fit", "fill", "force", "fill-down", "auto");
            case 16 -> switch (r.nextInt(6)) {
                case 0 -> "g:" + pick(r, POSITIONS) + ":" + (r.nextInt(41) - 20) + ":0." + r.nextInt(10);
                case 1 -> "g:fp:0." + r.nextInt(100) + ":0." + r.nextInt(100);
                case 2 -> pick(r, "ex:", "exar:") + r.nextInt(2) + ":" + pick(r, POSITIONS) + ":" + r.nextInt(30);
                case 3 -> "pd:" + r.nextInt(20) + (r.nextBoolean() ? ":" + r.nextInt(20) : "");
                case 4 -> "z:" + pick(r, "1", "0.5", "2", "1.5") + (r.nextBoolean() ? ":" + pick(r, "1", "3") : "");
                default -> pick(r, "pix:", "mrd:", "mb:", "mw:", "mh:") + r.nextInt(500);
            };
            case 17 -> pick(r, "fq:webp:", "fq:jpg:", "q:") + r.nextInt(101);
            case 18 -> "c:0." + (1 + r.nextInt(9)) + ":" + r.nextInt(300) + ":" + pick(r, POSITIONS) + ":" + r.nextInt(9);
            default -> "rs:" + pick(r, "fit", "fill") + ":" + side(r) + ":" + side(r);
        };
    }

    private static int side(Random r) {
        return r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(2000);
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }
}
