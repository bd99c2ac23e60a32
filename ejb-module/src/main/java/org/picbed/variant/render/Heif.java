package org.picbed.variant.render;

import org.picbed.image.ImageFormat;

/**
 * HEIC and AVIF through libheif (Debian {@code libheif1}: libde265 and dav1d/aom decode, aom encodes AV1):
 * decodes HEIC/AVIF sources (primary image, its rotation/mirror/clean aperture applied, first image of a
 * sequence) and writes AVIF outputs. Optional like TurboJPEG: {@link #get} is null when the binding was not
 * built or libheif does not load, and the reason is logged once.
 */
final class Heif {

    private static final OptionalLibrary<Heif> LIBRARY = new OptionalLibrary<>(
            heif -> "HEIC/AVIF through " + heif.info(),
            reason -> "no AVIF output and no HEIC/AVIF renders: " + reason);

    private final String version;
    private final boolean readsHeic;
    private final boolean readsAvif;
    private final boolean writesAvif;

    private Heif() {
        version = HeifNative.version();
        readsHeic = HeifNative.canDecode(HeifNative.HEVC);
        readsAvif = HeifNative.canDecode(HeifNative.AV1);
        writesAvif = HeifNative.canEncode(HeifNative.AV1);
    }

    /** The binding, or null when it is off or cannot be loaded. */
    static Heif get(RenderSettings settings) {
        return settings.heif() ? LIBRARY.get(Heif::load) : null;
    }

    private static Heif load() throws Exception {
        HeifNative.load();
        Heif heif = new Heif();
        heif.smokeTest();
        return heif;
    }

    /** Encodes and decodes a tiny image once, so a broken library shows at start, not per request. */
    private void smokeTest() {
        if (!writesAvif || !readsAvif) {
            return;
        }
        int[] px = new int[16 * 16];
        java.util.Arrays.fill(px, 0xFF3366CC);
        byte[] avif = HeifNative.encode(px, 16, 16, false, HeifNative.AV1, 60, 9);
        int[] facts = new int[3];
        HeifNative.decode(avif, 1 << 20, facts);
        if (facts[0] != 16 || facts[1] != 16) {
            throw new IllegalStateException("libheif smoke test failed");
        }
    }

    String info() {
        return "libheif " + version + " (reads" + (readsHeic ? " HEIC" : "") + (readsAvif ? " AVIF" : "")
                + (writesAvif ? ", writes AVIF" : "") + ")";
    }

    boolean reads(ImageFormat format) {
        return format == ImageFormat.HEIC ? readsHeic : format == ImageFormat.AVIF && readsAvif;
    }

    boolean writesAvif() {
        return writesAvif;
    }

    /** The primary image as a frame (already oriented: HEIF carries its rotation as a transformation). */
    Frame decode(byte[] file, long maxPixels) {
        int[] facts = new int[3];
        int[] px = HeifNative.decode(file, (int) Math.min(Integer.MAX_VALUE - 8, maxPixels), facts);
        return Frame.of(px, facts[0], facts[1], facts[2] == 1);
    }

    byte[] avif(Frame f, int quality, int speed) {
        return HeifNative.encode(f.px, f.width, f.height, f.alpha, HeifNative.AV1, quality, speed);
    }
}
