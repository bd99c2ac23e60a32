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

    /**
     * Where a {@code w x h} anchored window goes inside an {@code outerW x outerH} area at a position (imgproxy's
     * placement: offsets of at least 1 are pixels times {@code offsetScale}, smaller ones fractions of the outer
     * size, measured from the anchored edge; a focus point centres the window on it). Without
     * {@code allowOverflow} the window stays inside the area. Not for {@link Gravity#SMART}.
     */
    public static int[] position(int outerW, int outerH, int w, int h, VariantSpec.Position p, double offsetScale,
                                 boolean allowOverflow) {
        int left;
        int top;
        if (p.type() == Gravity.FOCUS_POINT) {
            left = scaleToEven(outerW, p.x()) - w / 2;
            top = scaleToEven(outerH, p.y()) - h / 2;
        } else {
            int dx = Math.abs(p.x()) >= 1 ? (int) Math.rint(p.x() * offsetScale) : scaleToEven(outerW, p.x());
            int dy = Math.abs(p.y()) >= 1 ? (int) Math.rint(p.y() * offsetScale) : scaleToEven(outerH, p.y());
            Gravity g = p.type();
            left = g.east() ? outerW - w - dx : g.west() ? dx : (int) Math.rint((outerW - w + 1) / 2.0) + dx;
            top = g.south() ? outerH - h - dy : g.north() ? dy : (int) Math.rint((outerH - h + 1) / 2.0) + dy;
        }
        int minX = allowOverflow ? -w + 1 : 0;
        int maxX = allowOverflow ? outerW - 1 : outerW - w;
        int minY = allowOverflow ? -h + 1 : 0;
        int maxY = allowOverflow ? outerH - 1 : outerH - h;
        return new int[] {Math.max(minX, Math.min(left, maxX)), Math.max(minY, Math.min(top, maxY))};
    }

    /**
     * What a spec does to an image that shows as {@code w x h} (after its orientation, rotation and flips, and
     * after trimming), with imgproxy's arithmetic: the crop of the source, the scale, the window kept of the
     * scaled image, the canvas of extend, extend-aspect-ratio and padding, and the dpr actually used (limited
     * so that it never enlarges unless asked).
     */
    public record Layout(int cropW, int cropH, double scaleX, double scaleY, int scaledW, int scaledH,
                         int resultW, int resultH, double dprScale, int targetW, int targetH,
                         int extendW, int extendH, int aspectW, int aspectH, int padTop, int padRight,
                         int padBottom, int padLeft) {

        /** Whether the scaled image is cut down to a window. */
        public boolean cropsResult() {
            return resultW < scaledW || resultH < scaledH;
        }

        /** The size after extending: {@code {w, h, left, top}} of the canvas and the image on it, or null. */
        public int[] extendCanvas(VariantSpec spec) {
            return spec.extend() == null ? null : canvas(resultW, resultH, extendW, extendH, spec.extend(), dprScale);
        }

        /** The output's size: the window, extended, extended to the aspect ratio, padded. */
        public int[] outputSize(VariantSpec spec) {
            int w = resultW;
            int h = resultH;
            int[] ext = extendCanvas(spec);
            if (ext != null) {
                w = ext[0];
                h = ext[1];
            }
            if (spec.extendAspectRatio() != null && aspectW > 0 && aspectH > 0) {
                int[] ar = canvas(w, h, aspectW, aspectH, spec.extendAspectRatio(), dprScale);
                if (ar != null) {
                    w = ar[0];
                    h = ar[1];
                }
            }
            return new int[] {w + padLeft + padRight, h + padTop + padBottom};
        }
    }

    /**
     * Extending a {@code w x h} image to {@code targetW x targetH} (0 = its own side): {@code {canvasW, canvasH,
     * left, top}}, or null when the target is not larger.
     */
    public static int[] canvas(int w, int h, int targetW, int targetH, VariantSpec.Extend extend, double dprScale) {
        if (targetW <= w && targetH <= h) {
            return null;
        }
        int cw = targetW <= 0 ? w : targetW;
        int ch = targetH <= 0 ? h : targetH;
        int[] at = position(cw, ch, w, h, extend.gravity(), dprScale, false);
        return new int[] {cw, ch, at[0], at[1]};
    }

    public static Layout layout(int w, int h, VariantSpec spec) {
        int cropW = spec.crop() == null ? 0 : cropSide(w, spec.crop().width());
        int cropH = spec.crop() == null ? 0 : cropSide(h, spec.crop().height());
        int inW = minNonZero(cropW, w);
        int inH = minNonZero(cropH, h);
        Scale scale = scale(inW, inH, spec);
        Layout layout = sizes(inW, inH, scale, spec);
        int[] out = layout.outputSize(spec);
        double down = 1;
        if (spec.maxResultDimension() > 0 && Math.max(out[0], out[1]) > spec.maxResultDimension()) {
            down = (double) spec.maxResultDimension() / Math.max(out[0], out[1]);
        }
        if (spec.maxResultWidth() > 0 && out[0] > spec.maxResultWidth()) {
            down = Math.min(down, (double) spec.maxResultWidth() / out[0]);
        }
        if (spec.maxResultHeight() > 0 && out[1] > spec.maxResultHeight()) {
            down = Math.min(down, (double) spec.maxResultHeight() / out[1]);
        }
        if (down < 1) {
            Scale limited = new Scale(Math.max(scale.x * down, 1.0 / inW), Math.max(scale.y * down, 1.0 / inH),
                    scale.dpr * down);
            layout = sizes(inW, inH, limited, spec);
        }
        return layout;
    }

    private record Scale(double x, double y, double dpr) {
    }

    private static int cropSide(int side, double crop) {
        if (crop == 0) {
            return 0;
        }
        return crop >= 1 ? (int) crop : Math.max(1, (int) Math.round(side * crop));
    }

    /** The scale of the (cropped) {@code w x h} image and the dpr actually used. */
    private static Scale scale(int w, int h, VariantSpec spec) {
        double dstW = spec.width() == 0 ? w : spec.width();
        double dstH = spec.height() == 0 ? h : spec.height();
        double shrinkX = dstW == w ? 1 : w / dstW;
        double shrinkY = dstH == h ? 1 : h / dstH;
        if (shrinkX != 1 || shrinkY != 1) {
            Resize type = spec.resize();
            if (type == Resize.AUTO) {
                boolean sameOrientation = (w - h >= 0) == (dstW - dstH >= 0);
                type = sameOrientation ? Resize.FILL : Resize.FIT;
            }
            if (spec.width() == 0 && type != Resize.FORCE) {
                shrinkX = shrinkY;
            } else if (spec.height() == 0 && type != Resize.FORCE) {
                shrinkY = shrinkX;
            } else if (type == Resize.FIT) {
                shrinkX = shrinkY = Math.max(shrinkX, shrinkY);
            } else if (type == Resize.FILL || type == Resize.FILL_DOWN) {
                shrinkX = shrinkY = Math.min(shrinkX, shrinkY);
            }
        }
        shrinkX /= spec.zoomX();
        shrinkY /= spec.zoomY();
        double dpr = spec.dpr();
        if (!spec.enlarge()) {
            double least = Math.min(shrinkX, shrinkY);
            if (least < 1) { // the target is out of reach without enlarging: stay at the source's size
                shrinkX /= least;
                shrinkY /= least;
                if (spec.extend() == null) {
                    dpr /= least;
                }
            }
            dpr = Math.min(dpr, Math.min(shrinkX, shrinkY)); // a dpr never enlarges either
        }
        if (spec.minWidth() > 0 && (double) w / spec.minWidth() < shrinkX) {
            double least = (double) w / spec.minWidth();
            shrinkY /= shrinkX / least;
            shrinkX = least;
        }
        if (spec.minHeight() > 0 && (double) h / spec.minHeight() < shrinkY) {
            double least = (double) h / spec.minHeight();
            shrinkX /= shrinkY / least;
            shrinkY = least;
        }
        shrinkX = Math.min(shrinkX / dpr, w);
        shrinkY = Math.min(shrinkY / dpr, h);
        return new Scale(1 / shrinkX, 1 / shrinkY, dpr);
    }

    private static Layout sizes(int inW, int inH, Scale scale, VariantSpec spec) {
        int targetW = scaleInt(spec.width(), scale.dpr * spec.zoomX());
        int targetH = scaleInt(spec.height(), scale.dpr * spec.zoomY());
        int scaledW = Math.max(1, scaleInt(inW, scale.x));
        int scaledH = Math.max(1, scaleInt(inH, scale.y));
        int windowW = targetW;
        int windowH = targetH;
        if (spec.resize() == Resize.FILL_DOWN && !spec.enlarge()) {
            double overW = (double) targetW / scaledW;
            double overH = (double) targetH / scaledH;
            if (overW > overH && overW > 1) { // too narrow: the widest window of the target's shape
                windowW = scaledW;
                windowH = scaleInt(scaledW, (double) targetH / targetW);
            } else if (overH > overW && overH > 1) {
                windowH = scaledH;
                windowW = scaleInt(scaledH, (double) targetW / targetH);
            }
        }
        int resultW = minNonZero(windowW, scaledW);
        int resultH = minNonZero(windowH, scaledH);
        int aspectW = 0;
        int aspectH = 0;
        if (spec.extendAspectRatio() != null && targetW > 0 && targetH > 0) {
            double overW = (double) targetW / resultW;
            double overH = (double) targetH / resultH;
            if (overH > overW) {
                aspectW = resultW;
                aspectH = scaleInt(resultW, (double) targetH / targetW);
            } else if (overW > overH) {
                aspectW = scaleInt(resultH, (double) targetW / targetH);
                aspectH = resultH;
            }
        }
        VariantSpec.Padding pad = spec.padding();
        return new Layout(inW, inH,
                (double) scaledW / inW, (double) scaledH / inH, scaledW, scaledH, resultW, resultH, scale.dpr,
                targetW, targetH, targetW, targetH, aspectW, aspectH,
                pad == null ? 0 : scaleToEven(pad.top(), scale.dpr), pad == null ? 0 : scaleToEven(pad.right(), scale.dpr),
                pad == null ? 0 : scaleToEven(pad.bottom(), scale.dpr), pad == null ? 0 : scaleToEven(pad.left(), scale.dpr));
    }

    static int minNonZero(int a, int b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    static int scaleInt(int a, double scale) {
        return a == 0 ? 0 : (int) Math.round(a * scale);
    }

    static int scaleToEven(int a, double scale) {
        return a == 0 ? 0 : (int) Math.rint(a * scale);
    }

    /**
     * The EXIF orientation (1-8) of the whole transform: {@code exif} (1 = none), then {@code rotate} degrees
     * clockwise, then a left-right mirror when {@code flipX}. Every step after it works on the image as shown.
     */
    public static int orientation(int exif, int rotate, boolean flipX) {
        int o = exif < 1 || exif > 8 ? 1 : exif;
        int angle = ANGLE[o];
        boolean mirrored = MIRRORED[o];
        // rotating after a mirror is mirroring after rotating the other way
        int total = Math.floorMod(angle + (mirrored ? -rotate : rotate), 360);
        boolean mirror = mirrored ^ flipX;
        for (int i = 1; i <= 8; i++) {
            if (ANGLE[i] == total && MIRRORED[i] == mirror) {
                return i;
            }
        }
        throw new IllegalStateException("no orientation for " + total + (mirror ? " mirrored" : ""));
    }

    /** Each EXIF orientation as a clockwise turn followed by an optional left-right mirror. */
    private static final int[] ANGLE = {0, 0, 0, 180, 180, 90, 90, 270, 270};
    private static final boolean[] MIRRORED = {false, false, true, false, true, true, false, true, false};

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
     * The {width, height} a spec makes of an image that shows as {@code w x h} (after its EXIF orientation): what
     * pages put in {@code <img width height>}. Trimming depends on pixels and is not foreseen.
     */
    public static int[] outputSize(int w, int h, VariantSpec spec) {
        boolean turned = spec.rotate() % 180 != 0;
        return layout(turned ? h : w, turned ? w : h, spec).outputSize(spec);
    }
}
