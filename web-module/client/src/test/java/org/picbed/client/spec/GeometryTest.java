package org.picbed.client.spec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GeometryTest {

    private static final VariantOptions OPTIONS = new VariantOptions(Presets.builtIn(), 1 << 20, Long.MAX_VALUE);

    private static String size(int w, int h, String options) {
        int[] out = Geometry.outputSize(w, h, OPTIONS.parse(options));
        return out[0] + "x" + out[1];
    }

    @Test
    void fitFillForce() {
        assertEquals("300x169", size(6028, 3391, "rs:fit:300:0"));
        assertEquals("267x200", size(4000, 3000, "rs:fit:300:200"));
        assertEquals("100x100", size(100, 100, "rs:fit:300:200"), "never enlarges unless asked");
        assertEquals("200x200", size(100, 100, "rs:fit:300:200:1"));
        assertEquals("1x300", size(10, 3000, "rs:fit:0:300"));
        assertEquals("300x300", size(4000, 3000, "rs:fill:300:300"));
        assertEquals("64x30", size(64, 48, "rs:fill:100:30"), "a small source keeps what fits of the box");
        assertEquals("50x150", size(400, 200, "rs:force:50:150"));
        assertEquals("33x200", size(400, 200, "rs:force:50:300"), "imgproxy: the height may not enlarge, so both shrink less");
    }

    @Test
    void theBoxAppliesToTheRotatedImage() {
        assertEquals("100x150", size(200, 100, "rs:fill:100:150/rot:90"));
        assertEquals("75x150", size(200, 100, "rs:fit:100:150/rot:90"));
        assertEquals("100x200", size(200, 100, "rot:270"));
    }

    @Test
    void dprScalesTheResultButNeverEnlargesUnlessAsked() {
        assertEquals("26x100", size(200, 100, "rs:fill:26:100/g:no/dpr:2"));
        assertEquals("100x50", size(200, 100, "dpr:0.5"));
        assertEquals("200x100", size(200, 100, "dpr:2"));
        assertEquals("400x200", size(200, 100, "el:1/dpr:2"));
        assertEquals("25x25", size(200, 100, "crop:50:50:ce/dpr:0.5"));
        assertEquals("200x100", size(1000, 500, "rs:fit:100:100/dpr:2"));
    }

    @Test
    void fillDownAutoAndMinimums() {
        assertEquals("200x100", size(200, 100, "rs:fill-down:300:150"), "too small: the largest window of 2:1");
        assertEquals("100x100", size(200, 100, "rs:fill-down:400:400"));
        assertEquals("300x150", size(200, 100, "rs:fill-down:300:150:1"));
        assertEquals("50x25", size(200, 100, "rs:auto:50:100"), "landscape into portrait: fit");
        assertEquals("100x100", size(200, 100, "rs:auto:100:100"), "landscape (or square) into a square: fill");
    }

    @Test
    void extendAndPadding() {
        assertEquals("300x300", size(200, 100, "rs:fit:300:300/ex:1"));
        assertEquals("200x400", size(200, 100, "rs:fit:300:600/exar:1"));
        assertEquals("220x130", size(200, 100, "pd:10:10:20"));
        assertEquals("240x140", size(200, 100, "pd:10/dpr:2/el:1/rs:fit:100:50"));
        assertEquals("150x75", size(200, 100, "mrd:150"));
    }

    @Test
    void positionsFollowImgproxy() {
        VariantSpec.Position centre = VariantSpec.Position.CENTRE;
        assertArrayEquals(new int[] {50, 26}, Geometry.position(200, 100, 100, 50, centre, 1, false), "(free + 1) / 2, half to even");
        assertArrayEquals(new int[] {10, 5}, Geometry.position(200, 100, 100, 50,
                new VariantSpec.Position(Gravity.NORTH_WEST, 10, 5), 1, false));
        assertArrayEquals(new int[] {80, 45}, Geometry.position(200, 100, 100, 50,
                new VariantSpec.Position(Gravity.SOUTH_EAST, 20, 5), 1, false), "offsets move away from the edge");
        assertArrayEquals(new int[] {40, 26}, Geometry.position(200, 100, 100, 50,
                new VariantSpec.Position(Gravity.WEST, 0.2, 0), 1, false), "below 1: a fraction of the side");
        assertArrayEquals(new int[] {100, 50}, Geometry.position(200, 100, 100, 50,
                new VariantSpec.Position(Gravity.FOCUS_POINT, 1, 1), 1, false), "a focus point stays inside");
        assertArrayEquals(new int[] {20, 10}, Geometry.position(200, 100, 100, 50,
                new VariantSpec.Position(Gravity.NORTH_WEST, 10, 5), 2, false), "pixel offsets are scaled by the dpr");
    }

    @Test
    void orientationComposesExifRotationAndFlip() {
        assertEquals(3, Geometry.orientation(6, 90, false));
        assertEquals(1, Geometry.orientation(8, 90, false));
        assertEquals(5, Geometry.orientation(1, 90, true));
        assertEquals(1, Geometry.orientation(2, 0, true));
        assertEquals(4, Geometry.orientation(1, 180, true));
        assertEquals(6, Geometry.orientation(1, 90, false));
        for (int o = 1; o <= 8; o++) {
            assertEquals(o, Geometry.orientation(o, 0, false));
        }
    }

    @Test
    void orientationBoxesRoundTrip() {
        Geometry.Box raw = new Geometry.Box(10, 20, 30, 40);
        for (int o = 1; o <= 8; o++) {
            Geometry.Box oriented = Geometry.orient(raw, 200, 100, o);
            Geometry.Box back = Geometry.unorient(oriented, 200, 100, o);
            assertEquals(raw, back, "orientation " + o);
        }
        // orientation 6 turns the raw top-left corner to the top-right
        assertEquals(new Geometry.Box(90, 0, 10, 10), Geometry.orient(new Geometry.Box(0, 0, 10, 10), 200, 100, 6));
    }
}
