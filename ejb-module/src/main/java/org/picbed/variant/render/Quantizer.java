package org.picbed.variant.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reduces packed ARGB to a GIF palette: the exact colours when there are at most 256 (255 plus transparent),
 * else a median cut over a 5-5-5 histogram whose entries are the mean of their pixels, mapped to the nearest
 * entry, optionally with Floyd-Steinberg dithering. Transparency is 1-bit: alpha below 128 becomes the one
 * transparent index.
 */
final class Quantizer {

    private Quantizer() {
    }

    /** Palette indexes, the palette (opaque RGB entries, size a power of two) and the transparent index or -1. */
    record Indexed(byte[] indexes, int[] palette, int transparent) {
    }

    static Indexed quantize(int[] px, int w, int h, boolean alpha, boolean dither) {
        int n = w * h;
        boolean anyTransparent = false;
        if (alpha) {
            for (int i = 0; i < n; i++) {
                if ((px[i] >>> 24) < 128) {
                    anyTransparent = true;
                    break;
                }
            }
        }
        int max = anyTransparent ? 255 : 256;
        int[] exact = exactColours(px, n, alpha, max);
        int[] colours = exact != null ? exact : medianCut(px, n, alpha, max);
        int used = colours.length + (anyTransparent ? 1 : 0);
        int size = 2;
        while (size < used) {
            size <<= 1;
        }
        int[] palette = new int[size];
        for (int i = 0; i < colours.length; i++) {
            palette[i] = 0xFF000000 | colours[i];
        }
        int transparent = anyTransparent ? colours.length : -1;
        byte[] out = new byte[n];
        Nearest nearest = new Nearest(colours);
        if (exact != null || !dither) {
            for (int i = 0; i < n; i++) {
                int p = px[i];
                out[i] = (byte) (alpha && (p >>> 24) < 128 ? transparent : nearest.find(p & 0xFFFFFF, exact != null));
            }
        } else {
            ditherInto(px, w, h, alpha, transparent, nearest, colours, out);
        }
        return new Indexed(out, palette, transparent);
    }

    /** The distinct opaque colours when there are at most max of them, else null. */
    private static int[] exactColours(int[] px, int n, boolean alpha, int max) {
        IntSet set = new IntSet(max * 2);
        for (int i = 0; i < n; i++) {
            int p = px[i];
            if (alpha && (p >>> 24) < 128) {
                continue;
            }
            if (set.add(p & 0xFFFFFF) && set.size() > max) {
                return null;
            }
        }
        int[] c = set.values();
        if (c.length == 0) {
            return new int[] {0};
        }
        Arrays.sort(c);
        return c;
    }

    private static int[] medianCut(int[] px, int n, boolean alpha, int max) {
        int[] count = new int[32768];
        long[] sr = new long[32768];
        long[] sg = new long[32768];
        long[] sb = new long[32768];
        for (int i = 0; i < n; i++) {
            int p = px[i];
            if (alpha && (p >>> 24) < 128) {
                continue;
            }
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            int k = (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3);
            count[k]++;
            sr[k] += r;
            sg[k] += g;
            sb[k] += b;
        }
        List<int[]> boxes = new ArrayList<>(); // r0 r1 g0 g1 b0 b1 (inclusive) population
        int[] all = shrink(new int[] {0, 31, 0, 31, 0, 31, 0}, count);
        if (all == null) {
            return new int[] {0};
        }
        boxes.add(all);
        while (boxes.size() < max) {
            int bestIndex = -1;
            long bestScore = 0;
            for (int i = 0; i < boxes.size(); i++) {
                int[] b = boxes.get(i);
                int range = Math.max(b[1] - b[0], Math.max(b[3] - b[2], b[5] - b[4]));
                if (range == 0) {
                    continue;
                }
                long score = (long) b[6] * (range + 1);
                if (score > bestScore) {
                    bestScore = score;
                    bestIndex = i;
                }
            }
            if (bestIndex < 0) {
                break;
            }
            int[] b = boxes.remove(bestIndex);
            int[][] halves = split(b, count);
            boxes.add(halves[0]);
            boxes.add(halves[1]);
        }
        int[] colours = new int[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            int[] b = boxes.get(i);
            long c = 0;
            long r = 0;
            long g = 0;
            long bl = 0;
            for (int x = b[0]; x <= b[1]; x++) {
                for (int y = b[2]; y <= b[3]; y++) {
                    for (int z = b[4]; z <= b[5]; z++) {
                        int k = x << 10 | y << 5 | z;
                        c += count[k];
                        r += sr[k];
                        g += sg[k];
                        bl += sb[k];
                    }
                }
            }
            colours[i] = c == 0 ? 0 : (int) ((r + c / 2) / c) << 16 | (int) ((g + c / 2) / c) << 8 | (int) ((bl + c / 2) / c);
        }
        return colours;
    }

    /** Splits a box along its longest side at the population median. */
    private static int[][] split(int[] b, int[] count) {
        int dr = b[1] - b[0];
        int dg = b[3] - b[2];
        int db = b[5] - b[4];
        int axis = dr >= dg && dr >= db ? 0 : dg >= db ? 1 : 2;
        int lo = b[axis * 2];
        int hi = b[axis * 2 + 1];
        long[] plane = new long[32];
        for (int x = b[0]; x <= b[1]; x++) {
            for (int y = b[2]; y <= b[3]; y++) {
                for (int z = b[4]; z <= b[5]; z++) {
                    int c = count[x << 10 | y << 5 | z];
                    plane[axis == 0 ? x : axis == 1 ? y : z] += c;
                }
            }
        }
        long half = b[6] / 2;
        long acc = 0;
        int cut = lo;
        for (int v = lo; v < hi; v++) {
            acc += plane[v];
            cut = v;
            if (acc >= half) {
                break;
            }
        }
        int[] a = b.clone();
        int[] c = b.clone();
        a[axis * 2 + 1] = cut;
        c[axis * 2] = cut + 1;
        int[] sa = shrink(a, count);
        int[] sc = shrink(c, count);
        if (sa == null || sc == null) { // cannot happen with a populated box; keep it whole but unsplittable
            int[] whole = b.clone();
            whole[1] = whole[0];
            whole[3] = whole[2];
            whole[5] = whole[4];
            return new int[][] {sa != null ? sa : whole, sc != null ? sc : b.clone()};
        }
        return new int[][] {sa, sc};
    }

    /** The box tightened to its populated bins, with its population; null when empty. */
    private static int[] shrink(int[] b, int[] count) {
        int r0 = 32;
        int r1 = -1;
        int g0 = 32;
        int g1 = -1;
        int b0 = 32;
        int b1 = -1;
        int pop = 0;
        for (int x = b[0]; x <= b[1]; x++) {
            for (int y = b[2]; y <= b[3]; y++) {
                for (int z = b[4]; z <= b[5]; z++) {
                    int c = count[x << 10 | y << 5 | z];
                    if (c > 0) {
                        pop += c;
                        r0 = Math.min(r0, x);
                        r1 = Math.max(r1, x);
                        g0 = Math.min(g0, y);
                        g1 = Math.max(g1, y);
                        b0 = Math.min(b0, z);
                        b1 = Math.max(b1, z);
                    }
                }
            }
        }
        return pop == 0 ? null : new int[] {r0, r1, g0, g1, b0, b1, pop};
    }

    private static void ditherInto(int[] px, int w, int h, boolean alpha, int transparent, Nearest nearest,
                                   int[] colours, byte[] out) {
        int[] err = new int[(w + 2) * 3];
        int[] nextErr = new int[(w + 2) * 3];
        for (int y = 0; y < h; y++) {
            Arrays.fill(nextErr, 0);
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int p = px[i];
                if (alpha && (p >>> 24) < 128) {
                    out[i] = (byte) transparent;
                    continue;
                }
                int e = (x + 1) * 3;
                int r = PixelOps.c8(((p >> 16) & 0xFF) + (err[e] >> 4));
                int g = PixelOps.c8(((p >> 8) & 0xFF) + (err[e + 1] >> 4));
                int b = PixelOps.c8((p & 0xFF) + (err[e + 2] >> 4));
                int idx = nearest.find(r << 16 | g << 8 | b, false);
                out[i] = (byte) idx;
                int c = colours[idx];
                int er = r - ((c >> 16) & 0xFF);
                int eg = g - ((c >> 8) & 0xFF);
                int eb = b - (c & 0xFF);
                // 7/16 right, 3/16 below-left, 5/16 below, 1/16 below-right (errors kept x16)
                err[e + 3] += er * 7;
                err[e + 4] += eg * 7;
                err[e + 5] += eb * 7;
                nextErr[e - 3] += er * 3;
                nextErr[e - 2] += eg * 3;
                nextErr[e - 1] += eb * 3;
                nextErr[e] += er * 5;
                nextErr[e + 1] += eg * 5;
                nextErr[e + 2] += eb * 5;
                nextErr[e + 3] += er;
                nextErr[e + 4] += eg;
                nextErr[e + 5] += eb;
            }
            int[] t = err;
            err = nextErr;
            nextErr = t;
        }
    }

    /** Nearest palette entry, cached per 5-5-5 cell (exact colours are looked up exactly). */
    private static final class Nearest {
        private final int[] colours;
        private final short[] cache = new short[32768];
        private final IntIntMap exact;

        Nearest(int[] colours) {
            this.colours = colours;
            Arrays.fill(cache, (short) -1);
            exact = new IntIntMap(colours.length * 2);
            for (int i = 0; i < colours.length; i++) {
                exact.put(colours[i], i);
            }
        }

        int find(int rgb, boolean exactOnly) {
            int e = exact.get(rgb);
            if (e >= 0) {
                return e;
            }
            int k = ((rgb >> 19) & 31) << 10 | ((rgb >> 11) & 31) << 5 | ((rgb >> 3) & 31);
            int c = cache[k];
            if (c >= 0) {
                return c;
            }
            int r = (rgb >> 16) & 0xFF;
            int g = (rgb >> 8) & 0xFF;
            int b = rgb & 0xFF;
            int best = 0;
            int bestD = Integer.MAX_VALUE;
            for (int i = 0; i < colours.length; i++) {
                int q = colours[i];
                int dr = r - ((q >> 16) & 0xFF);
                int dg = g - ((q >> 8) & 0xFF);
                int db = b - (q & 0xFF);
                int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            cache[k] = (short) best;
            return best;
        }
    }

    /** Open-addressing set of non-negative ints. */
    private static final class IntSet {
        private int[] keys;
        private int size;

        IntSet(int capacity) {
            int cap = Integer.highestOneBit(Math.max(16, capacity * 2)) << 1;
            keys = new int[cap];
            Arrays.fill(keys, -1);
        }

        boolean add(int v) {
            int mask = keys.length - 1;
            int i = mix(v) & mask;
            while (keys[i] != -1) {
                if (keys[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            keys[i] = v;
            size++;
            if (size * 2 > keys.length) {
                int[] old = keys;
                keys = new int[old.length * 2];
                Arrays.fill(keys, -1);
                size = 0;
                for (int k : old) {
                    if (k != -1) {
                        add(k);
                    }
                }
            }
            return true;
        }

        int size() {
            return size;
        }

        int[] values() {
            return Arrays.stream(keys).filter(k -> k != -1).toArray();
        }
    }

    /** Open-addressing map of non-negative int keys to non-negative values (-1 = absent). */
    private static final class IntIntMap {
        private final int[] keys;
        private final int[] vals;

        IntIntMap(int capacity) {
            int cap = Integer.highestOneBit(Math.max(16, capacity * 2)) << 1;
            keys = new int[cap];
            vals = new int[cap];
            Arrays.fill(keys, -1);
        }

        void put(int k, int v) {
            int mask = keys.length - 1;
            int i = mix(k) & mask;
            while (keys[i] != -1 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            vals[i] = v;
        }

        int get(int k) {
            int mask = keys.length - 1;
            int i = mix(k) & mask;
            while (keys[i] != -1) {
                if (keys[i] == k) {
                    return vals[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
