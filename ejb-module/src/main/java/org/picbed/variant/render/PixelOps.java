package org.picbed.variant.render;

/** Whole-raster operations on packed ARGB: orientation, rotation, flips, Gaussian blur, unsharp mask, flattening. */
final class PixelOps {

    private PixelOps() {
    }

    /**
     * Applies an EXIF orientation (1-8) to a {@code w x h} raster; the result is {@code h x w} for 5-8.
     */
    static int[] orient(int[] src, int w, int h, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            int o = y * ow;
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                out[o + x] = src[sy * w + sx];
            }
        }
        return out;
    }

    /** Clockwise rotation by 90, 180 or 270 degrees (as EXIF orientations 6, 3, 8). */
    static int[] rotate(int[] src, int w, int h, int degrees) {
        return switch (degrees) {
            case 90 -> orient(src, w, h, 6);
            case 180 -> orient(src, w, h, 3);
            case 270 -> orient(src, w, h, 8);
            default -> src;
        };
    }

    static int[] flip(int[] src, int w, int h, boolean flipX, boolean flipY) {
        if (flipX && flipY) {
            return orient(src, w, h, 3);
        }
        return flipX ? orient(src, w, h, 2) : flipY ? orient(src, w, h, 4) : src;
    }

    // --- blur / sharpen ----------------------------------------------------------------------------------

    /** Gaussian blur with standard deviation {@code sigma} pixels; premultiplied internally when alpha. */
    static int[] gaussian(int[] src, int w, int h, boolean alpha, double sigma) {
        if (sigma <= 0) {
            return src;
        }
        int[] work = src.clone();
        if (alpha) {
            Resampler.premultiply(work);
        }
        int[] out;
        if (sigma <= 12) {
            int[] kernel = kernel(sigma);
            out = convolveV(convolveH(work, w, h, kernel, alpha), w, h, kernel, alpha);
        } else {
            // large sigma: three box blurs (Wells 1986) approximate the Gaussian in linear time per pixel
            out = work;
            for (int r : boxRadii(sigma)) {
                out = boxV(boxH(out, w, h, r, alpha), w, h, r, alpha);
            }
        }
        if (alpha) {
            Resampler.unpremultiply(out);
        }
        return out;
    }

    /** Unsharp mask: {@code out = in + amount * (in - blur(in, sigma))} on the colour channels, alpha kept. */
    static int[] sharpen(int[] src, int w, int h, boolean alpha, double sigma, double amount) {
        if (sigma <= 0) {
            return src;
        }
        int[] blurred = gaussian(src, w, h, false, sigma);
        int[] out = new int[src.length];
        int k = (int) Math.round(amount * 256);
        for (int i = 0; i < w * h; i++) {
            int p = src[i];
            int q = blurred[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            r = c8(r + ((r - ((q >> 16) & 0xFF)) * k >> 8));
            g = c8(g + ((g - ((q >> 8) & 0xFF)) * k >> 8));
            b = c8(b + ((b - (q & 0xFF)) * k >> 8));
            out[i] = (alpha ? p & 0xFF000000 : 0xFF000000) | r << 16 | g << 8 | b;
        }
        return out;
    }

    private static int[] kernel(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        int[] ik = new int[k.length];
        int isum = 0;
        for (int i = 0; i < k.length; i++) {
            ik[i] = (int) Math.round(k[i] / sum * 65536);
            isum += ik[i];
        }
        ik[radius] += 65536 - isum;
        return ik;
    }

    private static int[] convolveH(int[] src, int w, int h, int[] k, boolean alpha) {
        int radius = k.length / 2;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                long a = 0;
                long r = 0;
                long g = 0;
                long b = 0;
                for (int t = -radius; t <= radius; t++) {
                    int xx = x + t;
                    xx = xx < 0 ? 0 : xx >= w ? w - 1 : xx;
                    int p = src[row + xx];
                    int wt = k[t + radius];
                    a += (long) wt * (p >>> 24);
                    r += (long) wt * ((p >> 16) & 0xFF);
                    g += (long) wt * ((p >> 8) & 0xFF);
                    b += (long) wt * (p & 0xFF);
                }
                out[row + x] = pack16(a, r, g, b, alpha);
            }
        }
        return out;
    }

    private static int[] convolveV(int[] src, int w, int h, int[] k, boolean alpha) {
        int radius = k.length / 2;
        int[] out = new int[w * h];
        long[] aa = new long[w];
        long[] ar = new long[w];
        long[] ag = new long[w];
        long[] ab = new long[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(aa, 0);
            java.util.Arrays.fill(ar, 0);
            java.util.Arrays.fill(ag, 0);
            java.util.Arrays.fill(ab, 0);
            for (int t = -radius; t <= radius; t++) {
                int yy = y + t;
                yy = yy < 0 ? 0 : yy >= h ? h - 1 : yy;
                int row = yy * w;
                int wt = k[t + radius];
                for (int x = 0; x < w; x++) {
                    int p = src[row + x];
                    aa[x] += (long) wt * (p >>> 24);
                    ar[x] += (long) wt * ((p >> 16) & 0xFF);
                    ag[x] += (long) wt * ((p >> 8) & 0xFF);
                    ab[x] += (long) wt * (p & 0xFF);
                }
            }
            int row = y * w;
            for (int x = 0; x < w; x++) {
                out[row + x] = pack16(aa[x], ar[x], ag[x], ab[x], alpha);
            }
        }
        return out;
    }

    private static int pack16(long a, long r, long g, long b, boolean alpha) {
        int ia = alpha ? c8((int) ((a + 32768) >> 16)) : 255;
        int ir = Math.min(ia, c8((int) ((r + 32768) >> 16)));
        int ig = Math.min(ia, c8((int) ((g + 32768) >> 16)));
        int ib = Math.min(ia, c8((int) ((b + 32768) >> 16)));
        return ia << 24 | ir << 16 | ig << 8 | ib;
    }

    private static int[] boxRadii(double sigma) {
        int n = 3;
        double wIdeal = Math.sqrt(12 * sigma * sigma / n + 1);
        int wl = (int) Math.floor(wIdeal);
        if (wl % 2 == 0) {
            wl--;
        }
        int wu = wl + 2;
        double mIdeal = (12 * sigma * sigma - n * wl * wl - 4 * n * wl - 3 * n) / (-4 * wl - 4);
        long m = Math.round(mIdeal);
        int[] radii = new int[n];
        for (int i = 0; i < n; i++) {
            radii[i] = ((i < m ? wl : wu) - 1) / 2;
        }
        return radii;
    }

    private static int[] boxH(int[] src, int w, int h, int r, boolean alpha) {
        int[] out = new int[w * h];
        int n = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int sa = 0;
            int sr = 0;
            int sg = 0;
            int sb = 0;
            for (int t = -r; t <= r; t++) {
                int p = src[row + Math.max(0, Math.min(w - 1, t))];
                sa += p >>> 24;
                sr += (p >> 16) & 0xFF;
                sg += (p >> 8) & 0xFF;
                sb += p & 0xFF;
            }
            for (int x = 0; x < w; x++) {
                out[row + x] = packBox(sa, sr, sg, sb, n, alpha);
                int pin = src[row + Math.min(w - 1, x + r + 1)];
                int pout = src[row + Math.max(0, x - r)];
                sa += (pin >>> 24) - (pout >>> 24);
                sr += ((pin >> 16) & 0xFF) - ((pout >> 16) & 0xFF);
                sg += ((pin >> 8) & 0xFF) - ((pout >> 8) & 0xFF);
                sb += (pin & 0xFF) - (pout & 0xFF);
            }
        }
        return out;
    }

    private static int[] boxV(int[] src, int w, int h, int r, boolean alpha) {
        int[] out = new int[w * h];
        int n = 2 * r + 1;
        for (int x = 0; x < w; x++) {
            int sa = 0;
            int sr = 0;
            int sg = 0;
            int sb = 0;
            for (int t = -r; t <= r; t++) {
                int p = src[Math.max(0, Math.min(h - 1, t)) * w + x];
                sa += p >>> 24;
                sr += (p >> 16) & 0xFF;
                sg += (p >> 8) & 0xFF;
                sb += p & 0xFF;
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = packBox(sa, sr, sg, sb, n, alpha);
                int pin = src[Math.min(h - 1, y + r + 1) * w + x];
                int pout = src[Math.max(0, y - r) * w + x];
                sa += (pin >>> 24) - (pout >>> 24);
                sr += ((pin >> 16) & 0xFF) - ((pout >> 16) & 0xFF);
                sg += ((pin >> 8) & 0xFF) - ((pout >> 8) & 0xFF);
                sb += (pin & 0xFF) - (pout & 0xFF);
            }
        }
        return out;
    }

    private static int packBox(int a, int r, int g, int b, int n, boolean alpha) {
        int h = n / 2;
        int ia = alpha ? (a + h) / n : 255;
        return ia << 24 | Math.min(ia, (r + h) / n) << 16 | Math.min(ia, (g + h) / n) << 8 | Math.min(ia, (b + h) / n);
    }

    // --- alpha --------------------------------------------------------------------------------------------

    /** Composites straight-alpha pixels over an opaque colour; the result is opaque. */
    static int[] flatten(int[] src, int rgb) {
        int br = (rgb >> 16) & 0xFF;
        int bg = (rgb >> 8) & 0xFF;
        int bb = rgb & 0xFF;
        int[] out = new int[src.length];
        for (int i = 0; i < src.length; i++) {
            int p = src[i];
            int a = p >>> 24;
            if (a == 255) {
                out[i] = p;
            } else if (a == 0) {
                out[i] = 0xFF000000 | (rgb & 0xFFFFFF);
            } else {
                int ia = 255 - a;
                int r = (((p >> 16) & 0xFF) * a + br * ia + 127) / 255;
                int g = (((p >> 8) & 0xFF) * a + bg * ia + 127) / 255;
                int b = ((p & 0xFF) * a + bb * ia + 127) / 255;
                out[i] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    /**
     * Draws {@code top} ({@code tw x th}, straight alpha) over {@code dst} ({@code dw x dh}) at (x, y) with an
     * extra opacity, in place. {@code dstAlpha == false}: dst is opaque and stays opaque.
     */
    static void over(int[] dst, int dw, int dh, boolean dstAlpha, int[] top, int tw, int th, int x, int y,
                     double opacity) {
        int op = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        for (int ty = Math.max(0, -y); ty < th && y + ty < dh; ty++) {
            for (int tx = Math.max(0, -x); tx < tw && x + tx < dw; tx++) {
                int s = top[ty * tw + tx];
                int sa = ((s >>> 24) * op + 127) / 255;
                if (sa == 0) {
                    continue;
                }
                int di = (y + ty) * dw + x + tx;
                int d = dst[di];
                int da = dstAlpha ? d >>> 24 : 255;
                // out = s*sa + d*da*(1-sa), normalised by outA
                int outA = sa + (da * (255 - sa) + 127) / 255;
                if (outA == 0) {
                    dst[di] = 0;
                    continue;
                }
                int dWeight = (da * (255 - sa) + 127) / 255;
                int r = (((s >> 16) & 0xFF) * sa + ((d >> 16) & 0xFF) * dWeight + outA / 2) / outA;
                int g = (((s >> 8) & 0xFF) * sa + ((d >> 8) & 0xFF) * dWeight + outA / 2) / outA;
                int b = ((s & 0xFF) * sa + (d & 0xFF) * dWeight + outA / 2) / outA;
                dst[di] = (dstAlpha ? outA : 255) << 24 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
            }
        }
    }

    static int c8(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** Each {@code n x n} block (from the top left; edge blocks smaller) filled with its mean colour. */
    static int[] pixelate(int[] src, int w, int h, boolean alpha, int n) {
        int[] out = new int[w * h];
        for (int by = 0; by < h; by += n) {
            int ey = Math.min(h, by + n);
            for (int bx = 0; bx < w; bx += n) {
                int ex = Math.min(w, bx + n);
                long a = 0;
                long r = 0;
                long g = 0;
                long b = 0;
                for (int y = by; y < ey; y++) {
                    for (int x = bx; x < ex; x++) {
                        int p = src[y * w + x];
                        int pa = alpha ? p >>> 24 : 255;
                        a += pa;
                        r += (long) (p >> 16 & 0xFF) * pa;
                        g += (long) (p >> 8 & 0xFF) * pa;
                        b += (long) (p & 0xFF) * pa;
                    }
                }
                long count = (long) (ex - bx) * (ey - by);
                int mean = a == 0 ? 0 : (int) ((a + count / 2) / count) << 24 | (int) ((r + a / 2) / a) << 16
                        | (int) ((g + a / 2) / a) << 8 | (int) ((b + a / 2) / a);
                if (!alpha) {
                    mean |= 0xFF000000;
                }
                for (int y = by; y < ey; y++) {
                    java.util.Arrays.fill(out, y * w + bx, y * w + ex, mean);
                }
            }
        }
        return out;
    }

    /**
     * The box {x, y, w, h} of what differs from the background colour by more than {@code threshold} in any
     * channel (transparent pixels flattened onto it first), or null when nothing does.
     */
    static int[] contentBox(int[] px, int w, int h, boolean alpha, int background, double threshold) {
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        int br = background >> 16 & 0xFF;
        int bg = background >> 8 & 0xFF;
        int bb = background & 0xFF;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int p = px[row + x];
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                if (alpha) {
                    int a = p >>> 24;
                    r = (r * a + br * (255 - a) + 127) / 255;
                    g = (g * a + bg * (255 - a) + 127) / 255;
                    b = (b * a + bb * (255 - a) + 127) / 255;
                }
                if (Math.abs(r - br) > threshold || Math.abs(g - bg) > threshold || Math.abs(b - bb) > threshold) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }
}
