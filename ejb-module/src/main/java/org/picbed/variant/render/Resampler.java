package org.picbed.variant.render;

/**
 * The one quality resample of the pipeline, on packed ARGB: an exact box (area-average) pre-shrink by an
 * integer factor that leaves 1.25x-2.5x, then a separable Lanczos-3 reduce (or enlarge) of the rest,
 * like libvips' shrink + reduce. Alpha is handled premultiplied so transparent pixels do not bleed their colour.
 * Fixed-point (14-bit) weights; edges extend the border pixels.
 */
final class Resampler {

    private static final int FP = 14;
    private static final int ONE = 1 << FP;
    private static final double LANCZOS_A = 3;

    private Resampler() {
    }

    /**
     * Resamples the region {@code (rx, ry, rw, rh)} (raster pixels, fractional allowed) of {@code src} to
     * {@code dw x dh}.
     */
    static int[] resize(int[] src, int sw, int sh, boolean alpha, double rx, double ry, double rw, double rh,
                        int dw, int dh) {
        rx = clamp(rx, 0, sw);
        ry = clamp(ry, 0, sh);
        rw = clamp(rw, 1e-6, sw - rx);
        rh = clamp(rh, 1e-6, sh - ry);
        if (rw <= 0 || rh <= 0) { // degenerate: take the nearest pixel
            rw = Math.max(rw, 1);
            rh = Math.max(rh, 1);
        }
        if (dw == rw && dh == rh && rx == Math.rint(rx) && ry == Math.rint(ry)) {
            return crop(src, sw, (int) rx, (int) ry, dw, dh);
        }
        int x0 = (int) Math.floor(rx);
        int y0 = (int) Math.floor(ry);
        int x1 = Math.min(sw, Math.max(x0 + 1, (int) Math.ceil(rx + rw - 1e-9)));
        int y1 = Math.min(sh, Math.max(y0 + 1, (int) Math.ceil(ry + rh - 1e-9)));
        double fx = rw / dw;
        double fy = rh / dh;
        // box-shrink while 1.25x or more of the reduction is left for the Lanczos pass: the box is exact and
        // cheap, Lanczos taps grow with the factor it reduces by (6 per unit)
        int kx = Math.max(1, (int) (fx / 1.25));
        int ky = Math.max(1, (int) (fy / 1.25));

        int[] work;
        int ww;
        int wh;
        double wx;
        double wy;
        if (kx > 1 || ky > 1 || alpha) {
            ww = (x1 - x0 + kx - 1) / kx;
            wh = (y1 - y0 + ky - 1) / ky;
            work = boxShrink(src, sw, x0, y0, x1, y1, kx, ky, alpha);
            wx = (rx - x0) / kx;
            wy = (ry - y0) / ky;
            rw /= kx;
            rh /= ky;
        } else {
            work = src;
            ww = sw;
            wh = sh;
            wx = rx;
            wy = ry;
        }
        int[] out = lanczos(work, ww, wh, alpha, wx, wy, rw, rh, dw, dh);
        if (alpha) {
            unpremultiply(out);
        }
        return out;
    }

    static int[] crop(int[] src, int sw, int x, int y, int w, int h) {
        if (x == 0 && y == 0 && w == sw && src.length == w * h) {
            return src;
        }
        int[] out = new int[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(src, (y + r) * sw + x, out, r * w, w);
        }
        return out;
    }

    /** Area average of {@code kx x ky} blocks of the region [x0,x1) x [y0,y1); premultiplied output when alpha. */
    static int[] boxShrink(int[] src, int sw, int x0, int y0, int x1, int y1, int kx, int ky, boolean alpha) {
        if (!alpha && kx * ky <= 256) {
            return boxShrinkOpaque(src, sw, x0, y0, x1, y1, kx, ky);
        }
        int bw = (x1 - x0 + kx - 1) / kx;
        int bh = (y1 - y0 + ky - 1) / ky;
        int[] out = new int[bw * bh];
        int[] acc = new int[bw * 4];
        for (int oy = 0; oy < bh; oy++) {
            int ys = y0 + oy * ky;
            int ye = Math.min(y1, ys + ky);
            java.util.Arrays.fill(acc, 0);
            for (int y = ys; y < ye; y++) {
                int row = y * sw;
                for (int ox = 0, xs = x0; ox < bw; ox++, xs += kx) {
                    int xe = Math.min(x1, xs + kx);
                    int a = 0;
                    int r = 0;
                    int g = 0;
                    int b = 0;
                    if (alpha) {
                        for (int x = xs; x < xe; x++) {
                            int p = src[row + x];
                            int pa = p >>> 24;
                            a += pa;
                            r += ((p >> 16) & 0xFF) * pa;
                            g += ((p >> 8) & 0xFF) * pa;
                            b += (p & 0xFF) * pa;
                        }
                    } else {
                        for (int x = xs; x < xe; x++) {
                            int p = src[row + x];
                            r += (p >> 16) & 0xFF;
                            g += (p >> 8) & 0xFF;
                            b += p & 0xFF;
                        }
                    }
                    int i = ox * 4;
                    acc[i] += a;
                    acc[i + 1] += r;
                    acc[i + 2] += g;
                    acc[i + 3] += b;
                }
            }
            int rows = ye - ys;
            for (int ox = 0, xs = x0; ox < bw; ox++, xs += kx) {
                int n = (Math.min(x1, xs + kx) - xs) * rows;
                int i = ox * 4;
                int p;
                if (alpha) {
                    long div = 255L * n;
                    int a = (acc[i] + n / 2) / n;
                    int r = (int) ((acc[i + 1] + div / 2) / div);
                    int g = (int) ((acc[i + 2] + div / 2) / div);
                    int b = (int) ((acc[i + 3] + div / 2) / div);
                    p = a << 24 | Math.min(r, a) << 16 | Math.min(g, a) << 8 | Math.min(b, a);
                } else {
                    int h = n / 2;
                    p = 0xFF000000 | ((acc[i + 1] + h) / n) << 16 | ((acc[i + 2] + h) / n) << 8 | ((acc[i + 3] + h) / n);
                }
                out[oy * bw + ox] = p;
            }
        }
        return out;
    }

    /**
     * The opaque box shrink with red and blue summed in two 16-bit lanes of one int (at most 256 pixels of 255 per
     * lane), green in another: two masks and two adds per source pixel.
     */
    private static int[] boxShrinkOpaque(int[] src, int sw, int x0, int y0, int x1, int y1, int kx, int ky) {
        int bw = (x1 - x0 + kx - 1) / kx;
        int bh = (y1 - y0 + ky - 1) / ky;
        int[] out = new int[bw * bh];
        int[] rb = new int[bw];
        int[] gg = new int[bw];
        int fullW = (x1 - x0) / kx; // blocks with kx columns
        for (int oy = 0; oy < bh; oy++) {
            int ys = y0 + oy * ky;
            int ye = Math.min(y1, ys + ky);
            java.util.Arrays.fill(rb, 0);
            java.util.Arrays.fill(gg, 0);
            for (int y = ys; y < ye; y++) {
                int row = y * sw + x0;
                if (kx == 2) {
                    for (int ox = 0; ox < fullW; ox++) {
                        int p = src[row + 2 * ox];
                        int q = src[row + 2 * ox + 1];
                        rb[ox] += (p & 0xFF00FF) + (q & 0xFF00FF);
                        gg[ox] += (p & 0xFF00) + (q & 0xFF00);
                    }
                } else {
                    for (int ox = 0; ox < fullW; ox++) {
                        int r = 0;
                        int g = 0;
                        int base = row + ox * kx;
                        for (int x = 0; x < kx; x++) {
                            int p = src[base + x];
                            r += p & 0xFF00FF;
                            g += p & 0xFF00;
                        }
                        rb[ox] += r;
                        gg[ox] += g;
                    }
                }
                if (fullW < bw) { // the last, narrower block
                    int r = 0;
                    int g = 0;
                    for (int x = x0 + fullW * kx; x < x1; x++) {
                        int p = src[y * sw + x];
                        r += p & 0xFF00FF;
                        g += p & 0xFF00;
                    }
                    rb[fullW] += r;
                    gg[fullW] += g;
                }
            }
            int rows = ye - ys;
            int o = oy * bw;
            for (int ox = 0; ox < bw; ox++) {
                int n = (ox < fullW ? kx : x1 - x0 - fullW * kx) * rows;
                int h = n / 2;
                int r = ((rb[ox] >>> 16) + h) / n;
                int b = ((rb[ox] & 0xFFFF) + h) / n;
                int g = ((gg[ox] >>> 8) + h) / n;
                out[o + ox] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    /**
     * Taps of one axis: output i reads the {@code taps} source pixels from {@code start[i]} on, with weights
     * {@code w[i*taps + t]} summing to ONE. Taps beyond an edge are folded onto the edge pixel, so every window
     * is contiguous and inside the source.
     */
    private record Taps(int taps, int[] start, int[] w) {
    }

    private static Taps taps(int srcLen, double offset, double len, int dstLen) {
        double scale = len / dstLen;
        double fscale = Math.max(scale, 1);
        double support = LANCZOS_A * fscale;
        int taps = Math.min(srcLen, (int) Math.ceil(support * 2) + 1);
        int[] start = new int[dstLen];
        int[] w = new int[dstLen * taps];
        double[] wd = new double[taps];
        for (int i = 0; i < dstLen; i++) {
            double center = offset + (i + 0.5) * scale;
            int left = (int) Math.floor(center - support);
            int right = (int) Math.ceil(center + support);
            int s = Math.max(0, Math.min(srcLen - taps, left));
            start[i] = s;
            java.util.Arrays.fill(wd, 0);
            double sum = 0;
            for (int j = left; j <= right; j++) {
                double v = lanczos((j + 0.5 - center) / fscale);
                if (v == 0) {
                    continue;
                }
                int jc = Math.max(0, Math.min(srcLen - 1, j)) - s;
                if (jc < 0 || jc >= taps) {
                    continue; // cannot happen: the window holds every clamped index
                }
                wd[jc] += v;
                sum += v;
            }
            if (sum == 0) { // degenerate: nearest pixel
                int jc = Math.max(0, Math.min(srcLen - 1, (int) Math.floor(center))) - s;
                wd[Math.max(0, Math.min(taps - 1, jc))] = 1;
                sum = 1;
            }
            int isum = 0;
            int best = 0;
            for (int t = 0; t < taps; t++) {
                int q = (int) Math.round(wd[t] / sum * ONE);
                w[i * taps + t] = q;
                isum += q;
                if (wd[t] > wd[best]) {
                    best = t;
                }
            }
            w[i * taps + best] += ONE - isum;
        }
        return new Taps(taps, start, w);
    }

    private static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (x <= -LANCZOS_A || x >= LANCZOS_A) {
            return 0;
        }
        double px = Math.PI * x;
        return LANCZOS_A * Math.sin(px) * Math.sin(px / LANCZOS_A) / (px * px);
    }

    /**
     * Separable Lanczos: each source row the vertical taps need is filtered horizontally once, into a ring of
     * {@code taps} rows (not a whole intermediate image: for a 24 MP source resized to 4096 px that was a 64 MB
     * array per render, allocated outside the young generation), then the output rows are summed from the ring.
     */
    private static int[] lanczos(int[] src, int sw, int sh, boolean alpha, double rx, double ry, double rw,
                                 double rh, int dw, int dh) {
        Taps h = taps(sw, rx, rw, dw);
        Taps v = taps(sh, ry, rh, dh);
        int vt = v.taps;
        int[] ring = new int[dw * vt];
        int[] ringRow = new int[vt];
        java.util.Arrays.fill(ringRow, -1);
        int[] out = new int[dw * dh];
        int[] aa = new int[dw];
        int[] ar = new int[dw];
        int[] ag = new int[dw];
        int[] ab = new int[dw];
        for (int y = 0; y < dh; y++) {
            java.util.Arrays.fill(aa, 0);
            java.util.Arrays.fill(ar, 0);
            java.util.Arrays.fill(ag, 0);
            java.util.Arrays.fill(ab, 0);
            int base = y * vt;
            for (int t = 0; t < vt; t++) {
                int wt = v.w[base + t];
                if (wt == 0) {
                    continue;
                }
                int srcRow = v.start[y] + t;
                int slot = srcRow % vt; // vt consecutive rows never share a slot
                if (ringRow[slot] != srcRow) {
                    horizontal(src, srcRow * sw, alpha, h, dw, ring, slot * dw);
                    ringRow[slot] = srcRow;
                }
                int o = slot * dw;
                if (alpha) {
                    for (int x = 0; x < dw; x++) {
                        aa[x] += wt * (ring[o + x] >>> 24);
                    }
                }
                for (int x = 0; x < dw; x++) {
                    int p = ring[o + x];
                    ar[x] += wt * ((p >> 16) & 0xFF);
                    ag[x] += wt * ((p >> 8) & 0xFF);
                    ab[x] += wt * (p & 0xFF);
                }
            }
            int o = y * dw;
            for (int x = 0; x < dw; x++) {
                out[o + x] = pack(aa[x], ar[x], ag[x], ab[x], alpha);
            }
        }
        return out;
    }

    /** One source row (starting at {@code row}) filtered horizontally to {@code dw} pixels at {@code to}. */
    private static void horizontal(int[] src, int row, boolean alpha, Taps h, int dw, int[] dst, int to) {
        int ht = h.taps;
        int[] hstart = h.start;
        int[] hw = h.w;
        for (int i = 0; i < dw; i++) {
            int a = 0;
            int cr = 0;
            int cg = 0;
            int cb = 0;
            int base = i * ht;
            int p0 = row + hstart[i];
            if (alpha) {
                for (int t = 0; t < ht; t++) {
                    int wt = hw[base + t];
                    int p = src[p0 + t];
                    a += wt * (p >>> 24);
                    cr += wt * ((p >> 16) & 0xFF);
                    cg += wt * ((p >> 8) & 0xFF);
                    cb += wt * (p & 0xFF);
                }
            } else {
                for (int t = 0; t < ht; t++) {
                    int wt = hw[base + t];
                    int p = src[p0 + t];
                    cr += wt * ((p >> 16) & 0xFF);
                    cg += wt * ((p >> 8) & 0xFF);
                    cb += wt * (p & 0xFF);
                }
            }
            dst[to + i] = pack(a, cr, cg, cb, alpha);
        }
    }

    private static int pack(int a, int r, int g, int b, boolean alpha) {
        int half = 1 << (FP - 1);
        r = c8((r + half) >> FP);
        g = c8((g + half) >> FP);
        b = c8((b + half) >> FP);
        if (!alpha) {
            return 0xFF000000 | r << 16 | g << 8 | b;
        }
        a = c8((a + half) >> FP);
        return a << 24 | Math.min(r, a) << 16 | Math.min(g, a) << 8 | Math.min(b, a);
    }

    private static int c8(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    /** Straight to premultiplied alpha, in place. */
    static void premultiply(int[] px) {
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int a = p >>> 24;
            if (a == 255) {
                continue;
            }
            if (a == 0) {
                px[i] = 0;
                continue;
            }
            int r = (((p >> 16) & 0xFF) * a + 127) / 255;
            int g = (((p >> 8) & 0xFF) * a + 127) / 255;
            int b = ((p & 0xFF) * a + 127) / 255;
            px[i] = a << 24 | r << 16 | g << 8 | b;
        }
    }

    /** Premultiplied back to straight alpha, in place. */
    static void unpremultiply(int[] px) {
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int a = p >>> 24;
            if (a == 255) {
                continue;
            }
            if (a == 0) {
                px[i] = 0;
                continue;
            }
            int h = a / 2;
            int r = Math.min(255, (((p >> 16) & 0xFF) * 255 + h) / a);
            int g = Math.min(255, (((p >> 8) & 0xFF) * 255 + h) / a);
            int b = Math.min(255, ((p & 0xFF) * 255 + h) / a);
            px[i] = a << 24 | r << 16 | g << 8 | b;
        }
    }
}
