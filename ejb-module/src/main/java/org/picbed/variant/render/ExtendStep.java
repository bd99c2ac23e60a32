package org.picbed.variant.render;

import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.VariantSpec;

/**
 * Extends the canvas to the target box ({@code extend}), then to the target's aspect ratio
 * ({@code extend_aspect_ratio}), then pads it ({@code padding}); new pixels are transparent until the
 * background step fills them (the spec's background, or white where the output has no alpha).
 */
final class ExtendStep implements RenderStep {
    @Override
    public String name() {
        return "extend";
    }

    @Override
    public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
        Geometry.Layout l = ctx.layout;
        if (spec.extend() != null) {
            f = embed(f, Geometry.canvas(f.width, f.height, l.targetW(), l.targetH(), spec.extend(), l.dprScale()));
        }
        if (spec.extendAspectRatio() != null && l.aspectW() > 0 && l.aspectH() > 0) {
            f = embed(f, Geometry.canvas(f.width, f.height, l.aspectW(), l.aspectH(), spec.extendAspectRatio(),
                    l.dprScale()));
        }
        if (l.padTop() + l.padRight() + l.padBottom() + l.padLeft() > 0) {
            f = embed(f, new int[] {f.width + l.padLeft() + l.padRight(), f.height + l.padTop() + l.padBottom(),
                    l.padLeft(), l.padTop()});
        }
        return f;
    }

    /** The frame on a transparent canvas {@code {w, h, left, top}} (null: unchanged); what falls outside is cut. */
    private static Frame embed(Frame f, int[] canvas) {
        if (canvas == null) {
            return f;
        }
        int w = canvas[0];
        int h = canvas[1];
        int[] px = new int[w * h];
        int x0 = Math.max(0, canvas[2]);
        int y0 = Math.max(0, canvas[3]);
        int x1 = Math.min(w, canvas[2] + f.width);
        int y1 = Math.min(h, canvas[3] + f.height);
        int opaque = f.alpha ? 0 : 0xFF000000;
        for (int y = y0; y < y1; y++) {
            int from = (y - canvas[3]) * f.width + (x0 - canvas[2]);
            int to = y * w + x0;
            for (int x = 0; x < x1 - x0; x++) {
                px[to + x] = f.px[from + x] | opaque;
            }
        }
        return Frame.of(px, w, h, true);
    }
}
