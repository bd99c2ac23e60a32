package org.picbed.client.spec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeometryTest {

    private static Geometry.Sizing sizing(int iw, int ih, Resize mode, int w, int h, boolean enlarge) {
        VariantSpec spec = new VariantOptions(Presets.builtIn(), 1 << 20, Long.MAX_VALUE)
                .parse("rs:" + mode.code() + ":" + w + ":" + h + (enlarge ? ":1" : ""));
        return Geometry.sizing(iw, ih, spec);
    }

    @Test
    void fit() {
        assertEquals(new Geometry.Sizing(300, 169, 6028, 3391), sizing(6028, 3391, Resize.FIT, 300, 0, false));
        assertEquals(new Geometry.Sizing(267, 200, 4000, 3000), sizing(4000, 3000, Resize.FIT, 300, 200, false));
        assertEquals(new Geometry.Sizing(100, 100, 100, 100), sizing(100, 100, Resize.FIT, 300, 200, false));
        assertEquals(new Geometry.Sizing(200, 200, 100, 100), sizing(100, 100, Resize.FIT, 300, 200, true));
        assertEquals(new Geometry.Sizing(1, 300, 10, 3000), sizing(10, 3000, Resize.FIT, 0, 300, false));
    }

    @Test
    void fill() {
        Geometry.Sizing s = sizing(4000, 3000, Resize.FILL, 300, 300, false);
        assertEquals(300, s.outW());
        assertEquals(300, s.outH());
        assertEquals(3000, s.regionW(), 1e-9);
        assertEquals(3000, s.regionH(), 1e-9);
        Geometry.Sizing small = sizing(64, 48, Resize.FILL, 100, 30, false);
        assertEquals(64, small.outW());
        assertEquals(30, small.outH());
    }

    @Test
    void force() {
        assertEquals(new Geometry.Sizing(50, 150, 400, 200), sizing(400, 200, Resize.FORCE, 50, 150, false));
        assertEquals(new Geometry.Sizing(50, 200, 400, 200), sizing(400, 200, Resize.FORCE, 50, 300, false));
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
