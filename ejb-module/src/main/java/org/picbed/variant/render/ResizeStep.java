package org.picbed.variant.render;

import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.VariantSpec;

/**
 * Scales the (cropped) image as the layout says and keeps the layout's window of it (a fill's box, at the
 * gravity; smart: the most detailed window) in one quality resample of just that window.
 */
final class ResizeStep implements RenderStep {
    @Override
    public String name() {
        return "resize";
    }

    @Override
    public Frame apply(Frame f, VariantSpec spec, RenderContext ctx) {
        Geometry.Layout l = ctx.layout;
        double scaleX = l.scaleX();
        double scaleY = l.scaleY();
        double rx = 0;
        double ry = 0;
        if (l.cropsResult()) {
            if (spec.gravity().type() == Gravity.SMART) {
                double[] at = ctx.decide("fill", () -> smart(f, l.resultW() / scaleX, l.resultH() / scaleY));
                rx = at[0];
                ry = at[1];
            } else {
                int[] at = Geometry.position(l.scaledW(), l.scaledH(), l.resultW(), l.resultH(), spec.gravity(),
                        l.dprScale(), false);
                rx = at[0] / scaleX;
                ry = at[1] / scaleY;
            }
        }
        double rw = l.resultW() / scaleX;
        double rh = l.resultH() / scaleY;
        if (f.isWhole() && l.scaledW() == f.width && l.scaledH() == f.height && !l.cropsResult()) {
            return f;
        }
        double sx = f.scaleX();
        double sy = f.scaleY();
        int[] px = Resampler.resize(f.px, f.width, f.height, f.alpha, (rx - f.coverX) * sx, (ry - f.coverY) * sy,
                rw * sx, rh * sy, l.resultW(), l.resultH());
        return Frame.of(px, l.resultW(), l.resultH(), f.alpha);
    }

    /** The most detailed {@code rw x rh} window of the logical image (logical coordinates). */
    private static double[] smart(Frame f, double rw, double rh) {
        double sx = f.scaleX();
        double sy = f.scaleY();
        double[] at = SmartCrop.place(f.px, f.width, f.height, f.alpha, rw * sx, rh * sy);
        double x = f.coverX + at[0] / sx;
        double y = f.coverY + at[1] / sy;
        return new double[] {Math.max(0, Math.min(f.logicalWidth - rw, x)),
                Math.max(0, Math.min(f.logicalHeight - rh, y))};
    }
}
