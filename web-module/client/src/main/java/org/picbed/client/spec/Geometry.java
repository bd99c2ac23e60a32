package org.picbed.client.spec;


/**
 * The geometry of a spec, in logical pixels, as pure functions: the decoder (to decode no more than needed),
 * the crop step and the resize step all compute the same rectangles from here.
 */
public final class Geometry {

    private Geometry() {
    }

    /** A rectangle in logical (or raw) pixels. */
    public record Box(double x, double y, double w, double h) {
        Box offset(double dx, double dy) {
            return new Box(x + dx, y + dy, w, h);
        }

        public Box intersect(Box o) {
            double x0 = Math.max(x, o.x);
            double y0 = Math.max(y, o.y);
            double x1 = Math.min(x + w, o.x + o.w);
            double y1 = Math.min(y + h, o.y + o.h);
            return new Box(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
        }
    }

    /** The explicit crop's size on a {@code w x h} image: 0 or more than the side = the whole side. */
    public static int[] cropSize(int w, int h, VariantSpec.Crop crop) {
        int cw = crop.width() <= 0 || crop.width() > w ? w : crop.width();
        int ch = crop.height() <= 0 || crop.height() > h ? h : crop.height();
        return new int[] {cw, ch};
    }

    /** Top-left of a {@code w x h} window inside {@code outerW x outerH} at a (non-smart) gravity. */
    public static double[] place(double outerW, double outerH, double w, double h, Gravity g) {
        double freeX = Math.max(0, outerW - w);
        double freeY = Math.max(0, outerH - h);
        double x = switch (g) {
            case WEST, NORTH_WEST, SOUTH_WEST -> 0;
            case EAST, NORTH_EAST, SOUTH_EAST -> freeX;
            default -> freeX / 2;
        };
        double y = switch (g) {
            case NORTH, NORTH_EAST, NORTH_WEST -> 0;
            case SOUTH, SOUTH_EAST, SOUTH_WEST -> freeY;
            default -> freeY / 2;
        };
        return new double[] {x, y};
    }

    /** Integer placement for the explicit crop, so the crop is pixel-aligned. */
    public static int[] placeInt(int outerW, int outerH, int w, int h, Gravity g) {
        double[] p = place(outerW, outerH, w, h, g);
        return new int[] {(int) Math.floor(p[0]), (int) Math.floor(p[1])};
    }

    /**
     * The resize of a {@code iw x ih} logical image: the output size, and the size of the region of the input
     * that becomes the output (the whole input except for FILL, which covers the box and crops the overflow).
     */
    public record Sizing(int outW, int outH, double regionW, double regionH) {
        public double scaleX() {
            return outW / regionW;
        }

        public double scaleY() {
            return outH / regionH;
        }

        public boolean crops(int iw, int ih) {
            return regionW < iw || regionH < ih;
        }
    }

    public static Sizing sizing(int iw, int ih, VariantSpec spec) {
        int tw = spec.width();
        int th = spec.height();
        boolean enlarge = spec.enlarge();
        if (tw == 0 && th == 0) {
            return new Sizing(iw, ih, iw, ih);
        }
        if (spec.resize() == Resize.FILL && tw > 0 && th > 0) {
            double s = Math.max((double) tw / iw, (double) th / ih);
            if (!enlarge) {
                s = Math.min(s, 1);
            }
            double rw = Math.min(iw, tw / s);
            double rh = Math.min(ih, th / s);
            int ow = Math.max(1, Math.min(tw, (int) Math.round(rw * s)));
            int oh = Math.max(1, Math.min(th, (int) Math.round(rh * s)));
            return new Sizing(ow, oh, rw, rh);
        }
        if (spec.resize() == Resize.FORCE && tw > 0 && th > 0) {
            double sx = (double) tw / iw;
            double sy = (double) th / ih;
            if (!enlarge) {
                sx = Math.min(sx, 1);
                sy = Math.min(sy, 1);
            }
            return new Sizing(Math.max(1, (int) Math.round(iw * sx)), Math.max(1, (int) Math.round(ih * sy)), iw, ih);
        }
        // FIT, or one side 0 (that side follows the aspect ratio): the constraining side lands exactly on its target
        boolean byWidth = th == 0 || (tw > 0 && (double) tw / iw <= (double) th / ih);
        double s = byWidth ? (double) tw / iw : (double) th / ih;
        if (s >= 1 && !enlarge) {
            return new Sizing(iw, ih, iw, ih);
        }
        int ow = byWidth ? tw : Math.max(1, (int) Math.round(iw * s));
        int oh = byWidth ? Math.max(1, (int) Math.round(ih * s)) : th;
        return new Sizing(ow, oh, iw, ih);
    }

    // --- EXIF orientation --------------------------------------------------------------------------------

    /** The stored (raw) image's box as seen after applying the orientation; {@code w x h} is the raw size. */
    public static Box orient(Box raw, int w, int h, int orientation) {
        double x0 = raw.x;
        double y0 = raw.y;
        double x1 = raw.x + raw.w;
        double y1 = raw.y + raw.h;
        double[] a = orientPoint(x0, y0, w, h, orientation);
        double[] b = orientPoint(x1, y1, w, h, orientation);
        return box(a, b);
    }

    /** The raw box behind an oriented box (the inverse of {@link #orient}); {@code w x h} is the raw size. */
    public static Box unorient(Box oriented, int w, int h, int orientation) {
        double[] a = unorientPoint(oriented.x, oriented.y, w, h, orientation);
        double[] b = unorientPoint(oriented.x + oriented.w, oriented.y + oriented.h, w, h, orientation);
        return box(a, b);
    }

    private static Box box(double[] a, double[] b) {
        return new Box(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
    }

    private static double[] orientPoint(double x, double y, int w, int h, int o) {
        return switch (o) {
            case 2 -> new double[] {w - x, y};
            case 3 -> new double[] {w - x, h - y};
            case 4 -> new double[] {x, h - y};
            case 5 -> new double[] {y, x};
            case 6 -> new double[] {h - y, x};
            case 7 -> new double[] {h - y, w - x};
            case 8 -> new double[] {y, w - x};
            default -> new double[] {x, y};
        };
    }

    private static double[] unorientPoint(double x, double y, int w, int h, int o) {
        return switch (o) {
            case 2 -> new double[] {w - x, y};
            case 3 -> new double[] {w - x, h - y};
            case 4 -> new double[] {x, h - y};
            case 5 -> new double[] {y, x};
            case 6 -> new double[] {y, h - x};
            case 7 -> new double[] {w - y, h - x};
            case 8 -> new double[] {w - y, x};
            default -> new double[] {x, y};
        };
    }

    /**
     * The {width, height} a spec makes of an image that shows as {@code w x h} (after its EXIF orientation):
     * the explicit crop, then the resize, then the rotation; what pages put in {@code <img width height>}.
     */
    public static int[] outputSize(int w, int h, VariantSpec spec) {
        int cw = w;
        int ch = h;
        if (spec.crop() != null) {
            int[] size = cropSize(w, h, spec.crop());
            cw = size[0];
            ch = size[1];
        }
        Sizing s = sizing(cw, ch, spec);
        return spec.rotate() % 180 == 0 ? new int[] {s.outW(), s.outH()} : new int[] {s.outH(), s.outW()};
    }
}
