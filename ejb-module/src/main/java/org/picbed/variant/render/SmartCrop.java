package org.picbed.variant.render;

/**
 * Smart gravity: places a window where the image has the most detail, like libvips' entropy/attention crops.
 * The raster is box-reduced to at most ~128 px on its long side, a detail map is made of the luma gradient
 * magnitude (plus a little saturation, which draws the eye), and a summed-area table finds the window with the
 * largest sum. Deterministic; ties go to the position nearest the centre, so a flat image crops in the middle.
 */
final class SmartCrop {

    private static final int MAP = 128;

    private SmartCrop() {
    }

    /**
     * Top-left (raster pixels) of the best {@code ww x wh} window in a {@code w x h} raster.
     */
    static double[] place(int[] px, int w, int h, boolean alpha, double ww, double wh) {
        double freeX = w - ww;
        double freeY = h - wh;
        if (freeX <= 0.5 && freeY <= 0.5) {
            return new double[] {Math.max(0, freeX / 2), Math.max(0, freeY / 2)};
        }
        int k = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) MAP));
        int mw = (w + k - 1) / k;
        int mh = (h + k - 1) / k;
        int[] small = k == 1 ? px : Resampler.boxShrink(px, w, 0, 0, w, h, k, k, false);
        float[] luma = new float[mw * mh];
        float[] sat = new float[mw * mh];
        for (int i = 0; i < mw * mh; i++) {
            int p = small[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            float a = alpha && k == 1 ? (p >>> 24) / 255f : 1f;
            luma[i] = (0.299f * r + 0.587f * g + 0.114f * b) * a;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            sat[i] = (max - min) * a;
        }
        // summed-area table of the detail map, (mw+1) x (mh+1)
        double[] sat2 = new double[(mw + 1) * (mh + 1)];
        for (int y = 0; y < mh; y++) {
            double rowSum = 0;
            for (int x = 0; x < mw; x++) {
                int i = y * mw + x;
                float gx = luma[y * mw + Math.min(mw - 1, x + 1)] - luma[y * mw + Math.max(0, x - 1)];
                float gy = luma[Math.min(mh - 1, y + 1) * mw + x] - luma[Math.max(0, y - 1) * mw + x];
                double detail = Math.sqrt(gx * gx + gy * gy) + 0.1 * sat[i];
                rowSum += detail;
                sat2[(y + 1) * (mw + 1) + x + 1] = sat2[y * (mw + 1) + x + 1] + rowSum;
            }
        }
        int winW = Math.max(1, Math.min(mw, (int) Math.round(ww / k)));
        int winH = Math.max(1, Math.min(mh, (int) Math.round(wh / k)));
        double best = -1;
        double bestDist = Double.MAX_VALUE;
        int bx = 0;
        int by = 0;
        double cx = (mw - winW) / 2.0;
        double cy = (mh - winH) / 2.0;
        for (int y = 0; y + winH <= mh; y++) {
            for (int x = 0; x + winW <= mw; x++) {
                int x1 = x + winW;
                int y1 = y + winH;
                double s = sat2[y1 * (mw + 1) + x1] - sat2[y * (mw + 1) + x1] - sat2[y1 * (mw + 1) + x]
                        + sat2[y * (mw + 1) + x];
                double dist = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                double tolerance = 1e-6 * Math.max(1, Math.abs(best));
                if (s > best + tolerance || (Math.abs(s - best) <= tolerance && dist < bestDist)) {
                    best = s;
                    bestDist = dist;
                    bx = x;
                    by = y;
                }
            }
        }
        double x = freeX <= 0 ? freeX / 2 : Math.max(0, Math.min(freeX, bx * k * (freeX / Math.max(1e-9, (mw - winW) * k))));
        double y = freeY <= 0 ? freeY / 2 : Math.max(0, Math.min(freeY, by * k * (freeY / Math.max(1e-9, (mh - winH) * k))));
        if (mw == winW) {
            x = Math.max(0, freeX / 2);
        }
        if (mh == winH) {
            y = Math.max(0, freeY / 2);
        }
        return new double[] {Math.max(0, x), Math.max(0, y)};
    }
}
