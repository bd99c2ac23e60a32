package org.picbed.variant.render;

import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.VariantSpec;

/**
 * Trims a border of one colour (the top-left pixel's unless the spec names one) within the threshold, before
 * anything else; {@code equal_hor}/{@code equal_ver} cut as much from both sides. The box is found on the first
 * frame and kept for the others, so an animation keeps one size.
 */
final class TrimStep implements RenderStep {
    @Override
    public String name() {
        return "trim";
    }

    @Override
    public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
        VariantSpec.Trim trim = spec.trim();
        if (trim == null || !f.isWhole()) {
            return f;
        }
        double[] box = ctx.decide("trim", () -> box(f, trim));
        if (box.length == 0) {
            return f;
        }
        return CropStep.cut(f, new Geometry.Box(box[0], box[1], box[2], box[3]));
    }

    private static double[] box(Frame f, VariantSpec.Trim trim) {
        int background = trim.colour() != null ? trim.colour().argb() : f.px[0];
        int[] b = PixelOps.contentBox(f.px, f.width, f.height, f.alpha, background, trim.threshold());
        if (b == null) {
            return new double[0];
        }
        int left = b[0];
        int right = f.width - b[0] - b[2];
        int top = b[1];
        int bottom = f.height - b[1] - b[3];
        if (trim.equalHorizontal()) {
            left = right = Math.min(left, right);
        }
        if (trim.equalVertical()) {
            top = bottom = Math.min(top, bottom);
        }
        if (left + right == 0 && top + bottom == 0) {
            return new double[0];
        }
        return new double[] {left, top, f.width - left - right, f.height - top - bottom};
    }
}
