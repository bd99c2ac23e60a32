package org.picbed.variant.render;

import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.Resize;
import org.picbed.client.spec.VariantSpec;

/** FIT / FILL (at the gravity, smart included) / FORCE, never enlarging unless asked: one quality resample. */
final class ResizeStep implements RenderStep {
    @Override
    public String name() {
        return "resize";
    }

    @Override
    public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
        Geometry.Sizing s = Geometry.sizing(f.logicalWidth, f.logicalHeight, spec);
        double rx = 0;
        double ry = 0;
        if (s.crops(f.logicalWidth, f.logicalHeight)) {
            if (spec.gravity() == Gravity.SMART && spec.resize() == Resize.FILL) {
                double[] at = ctx.decide("fill", () -> smart(f, s));
                rx = at[0];
                ry = at[1];
            } else {
                double[] at = Geometry.place(f.logicalWidth, f.logicalHeight, s.regionW(), s.regionH(),
                        spec.gravity());
                rx = at[0];
                ry = at[1];
            }
        }
        if (f.isWhole() && s.outW() == f.width && s.outH() == f.height && rx == 0 && ry == 0
                && s.regionW() == f.width && s.regionH() == f.height) {
            return f;
        }
        double sx = f.scaleX();
        double sy = f.scaleY();
        int[] px = Resampler.resize(f.px, f.width, f.height, f.alpha, (rx - f.coverX) * sx, (ry - f.coverY) * sy,
                s.regionW() * sx, s.regionH() * sy, s.outW(), s.outH());
        return Frame.of(px, s.outW(), s.outH(), f.alpha);
    }

    private static double[] smart(Frame f, Geometry.Sizing s) {
        double sx = f.scaleX();
        double sy = f.scaleY();
        double[] at = SmartCrop.place(f.px, f.width, f.height, f.alpha, s.regionW() * sx, s.regionH() * sy);
        double x = f.coverX + at[0] / sx;
        double y = f.coverY + at[1] / sy;
        return new double[] {Math.max(0, Math.min(f.logicalWidth - s.regionW(), x)),
                Math.max(0, Math.min(f.logicalHeight - s.regionH(), y))};
    }
}
