package org.picbed.variant.render;

import org.picbed.config.Settings;

import java.nio.file.Path;

/**
 * How variants are rendered. Read through {@link Settings} ({@code picbed.variant.x} system property, then
 * {@code PICBED_VARIANT_X}):
 * <table>
 * <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code variant.turbojpeg}</td><td>true</td><td>decode/encode JPEG with libjpeg-turbo's TurboJPEG (Java
 * binding loaded reflectively) when it is available; ImageIO otherwise</td></tr>
 * <tr><td>{@code variant.turbojpeg-jar}</td><td>/usr/share/java/turbojpeg.jar</td><td>where to load the TurboJPEG
 * classes from when no class loader provides them (Debian's {@code libturbojpeg-java})</td></tr>
 * <tr><td>{@code variant.jpeg-progressive}</td><td>true</td><td>write progressive JPEGs, for outputs of at least
 * {@code variant.jpeg-progressive-min-pixels} pixels (default 100000; see {@link Encoder#jpeg})</td></tr>
 * <tr><td>{@code variant.max-frames}</td><td>100</td><td>animated GIF outputs keep at most this many frames, else
 * only the first frame is rendered</td></tr>
 * <tr><td>{@code variant.max-animation-pixels}</td><td>50000000</td><td>frames x output pixels budget of an animated
 * output</td></tr>
 * <tr><td>{@code variant.max-source-pixels}</td><td>100000000</td><td>sources whose header declares more pixels are
 * refused ({@code too_large})</td></tr>
 * <tr><td>{@code variant.watermark-file}</td><td>(built-in mark)</td><td>the watermark image (PNG with alpha)</td></tr>
 * <tr><td>{@code variant.png-compression}</td><td>6</td><td>deflate level 0-9 of PNG outputs</td></tr>
 * <tr><td>{@code variant.max-inflight-megapixels}</td><td>32</td><td>decoded megapixels all renders of one
 * renderer may hold at once; a render that needs more waits (one render always runs): bounds the heap when
 * full-size variants of big photos are rendered concurrently</td></tr>
 * <tr><td>{@code variant.heif}</td><td>true</td><td>decode HEIC/AVIF sources and write AVIF through picbed's libheif
 * binding when it is built and libheif loads ({@link Heif}); otherwise {@code .avif} answers 415 and {@code auto}
 * never chooses AVIF</td></tr>
 * <tr><td>{@code variant.avif-quality}</td><td>63</td><td>AVIF quality for variants at the default quality (80):
 * AVIF at 63 looks like JPEG at 80 (imgproxy's and libvips' default); an explicit {@code q} is used as it is</td></tr>
 * <tr><td>{@code variant.avif-speed}</td><td>8</td><td>AV1 encoder speed, 0 (smallest, slowest) to 9 (fastest)</td></tr>
 * </table>
 */
public record RenderSettings(boolean turbojpeg, Path turbojpegJar, boolean jpegProgressive,
                             long jpegProgressiveMinPixels, int maxFrames, long maxAnimationPixels,
                             long maxSourcePixels, Path watermarkFile, int pngCompression, int maxInflightMegapixels,
                             boolean heif, int avifQuality, int avifSpeed) {

    public static final Path DEFAULT_TURBOJPEG_JAR = Path.of("/usr/share/java/turbojpeg.jar");

    public RenderSettings {
        if (maxFrames < 1 || maxAnimationPixels < 1 || maxSourcePixels < 1 || pngCompression < 0
                || pngCompression > 9 || jpegProgressiveMinPixels < 0 || maxInflightMegapixels < 1
                || avifQuality < 1 || avifQuality > 100 || avifSpeed < 0 || avifSpeed > 9) {
            throw new IllegalArgumentException("render setting out of range");
        }
    }

    /** The defaults: TurboJPEG when present, progressive JPEG, 100 frames, 50 MP animations, 100 MP sources. */
    public static RenderSettings defaults() {
        return new RenderSettings(true, DEFAULT_TURBOJPEG_JAR, true, 100_000, 100, 50_000_000L, 100_000_000L,
                null, 6, 32, true, 63, 8);
    }

    public static RenderSettings from(Settings settings) {
        RenderSettings d = defaults();
        return new RenderSettings(
                settings.getBoolean("variant.turbojpeg", d.turbojpeg),
                settings.get("variant.turbojpeg-jar").map(Path::of).orElse(d.turbojpegJar),
                settings.getBoolean("variant.jpeg-progressive", d.jpegProgressive),
                settings.getLong("variant.jpeg-progressive-min-pixels", d.jpegProgressiveMinPixels),
                settings.getInt("variant.max-frames", d.maxFrames),
                settings.getLong("variant.max-animation-pixels", d.maxAnimationPixels),
                settings.getLong("variant.max-source-pixels", d.maxSourcePixels),
                settings.get("variant.watermark-file").map(Path::of).orElse(null),
                settings.getInt("variant.png-compression", d.pngCompression),
                settings.getInt("variant.max-inflight-megapixels", d.maxInflightMegapixels),
                settings.getBoolean("variant.heif", d.heif),
                settings.getInt("variant.avif-quality", d.avifQuality),
                settings.getInt("variant.avif-speed", d.avifSpeed));
    }

    public RenderSettings withTurbojpeg(boolean on) {
        return new RenderSettings(on, turbojpegJar, jpegProgressive, jpegProgressiveMinPixels, maxFrames,
                maxAnimationPixels, maxSourcePixels, watermarkFile, pngCompression, maxInflightMegapixels, heif, avifQuality, avifSpeed);
    }

    public RenderSettings withFrameBudget(int frames, long animationPixels) {
        return new RenderSettings(turbojpeg, turbojpegJar, jpegProgressive, jpegProgressiveMinPixels, frames,
                animationPixels, maxSourcePixels, watermarkFile, pngCompression, maxInflightMegapixels, heif, avifQuality, avifSpeed);
    }

    public RenderSettings withWatermarkFile(Path file) {
        return new RenderSettings(turbojpeg, turbojpegJar, jpegProgressive, jpegProgressiveMinPixels, maxFrames,
                maxAnimationPixels, maxSourcePixels, file, pngCompression, maxInflightMegapixels, heif, avifQuality, avifSpeed);
    }

    public RenderSettings withJpegProgressive(boolean on, long minPixels) {
        return new RenderSettings(turbojpeg, turbojpegJar, on, minPixels, maxFrames, maxAnimationPixels,
                maxSourcePixels, watermarkFile, pngCompression, maxInflightMegapixels, heif, avifQuality, avifSpeed);
    }

    public RenderSettings withHeif(boolean on) {
        return new RenderSettings(turbojpeg, turbojpegJar, jpegProgressive, jpegProgressiveMinPixels, maxFrames,
                maxAnimationPixels, maxSourcePixels, watermarkFile, pngCompression, maxInflightMegapixels, on,
                avifQuality, avifSpeed);
    }

    public RenderSettings withMaxInflightMegapixels(int megapixels) {
        return new RenderSettings(turbojpeg, turbojpegJar, jpegProgressive, jpegProgressiveMinPixels, maxFrames,
                maxAnimationPixels, maxSourcePixels, watermarkFile, pngCompression, megapixels, heif, avifQuality,
                avifSpeed);
    }
}
