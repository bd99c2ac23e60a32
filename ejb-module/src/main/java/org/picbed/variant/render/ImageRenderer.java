package org.picbed.variant.render;

import org.picbed.image.ImageFormat;
import org.picbed.image.format.ImageFormats;
import org.picbed.image.format.SourceInfo;
import org.picbed.client.spec.Geometry;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageReader;

/**
 * Renders variants: decode (at reduced scale where the target allows) -> EXIF orientation -> crop -> resize ->
 * rotate -> flip -> blur -> sharpen -> background -> watermark -> encode (see {@link Pipeline}). Thread-safe and
 * stateless per call; bound concurrency outside (about one render per core).
 * <p>
 * Animated GIF sources rendered to GIF keep every frame (composited, resized, re-quantized) with their delays
 * and loop count while within {@code variant.max-frames} and {@code variant.max-animation-pixels}; beyond that,
 * and for the other output formats, the first frame is rendered ({@link Rendition#animationTruncated()} tells the
 * over-budget case).
 */
public final class ImageRenderer {

    private static final Logger LOG = Logger.getLogger(ImageRenderer.class.getName());
    private static final String BUILT_IN_WATERMARK = "watermark.png";

    private final RenderSettings settings;
    private final TurboJpeg turbo;
    private final Heif heif;
    private final Codecs codecs;
    private final Decoder decoder;
    private final Encoder encoder;
    private final RasterBudget budget;
    private volatile Rasters.Pixels watermark;

    public ImageRenderer(RenderSettings settings) {
        this.settings = settings;
        this.turbo = TurboJpeg.get(settings);
        this.heif = Heif.get(settings);
        this.codecs = Codecs.get();
        this.decoder = new Decoder(settings, turbo, heif, codecs);
        this.encoder = new Encoder(settings, turbo, heif, codecs);
        this.budget = new RasterBudget(settings.maxInflightMegapixels());
        if (!settings.turbojpeg()) {
            LOG.info("variant rendering decodes JPEG with ImageIO: TurboJPEG is turned off (variant.turbojpeg)");
        }
    }

    /**
     * Renders source bytes (JPEG, PNG, GIF incl. animated, WebP, BMP, ICO; HEIC and AVIF with libheif) into the
     * output format (JPEG, PNG, GIF, WebP or, with libheif, AVIF; others are an {@link IllegalArgumentException}).
     */
    public Rendition render(byte[] source, VariantSpec spec, ImageFormat output) throws RenderException {
        if (!VariantKey.isOutput(output)) {
            throw new IllegalArgumentException("not an output format: " + output);
        }
        if (source == null || spec == null) {
            throw new IllegalArgumentException("source and spec are required");
        }
        ImageFormat format = ImageFormats.sniff(head(source)).orElseThrow(() -> new RenderException(
                RenderException.UNSUPPORTED, "the source is not an accepted image format"));
        SourceInfo info = ImageFormats.headers(source, format);
        if ((long) info.width() * info.height() > settings.maxSourcePixels()) {
            throw new RenderException(RenderException.TOO_LARGE, "the source declares " + info.width() + "x"
                    + info.height() + " pixels, more than " + settings.maxSourcePixels());
        }
        if (spec.maxSourcePixels() > 0 && (long) info.width() * info.height() > spec.maxSourcePixels()) {
            throw new RenderException(RenderException.TOO_LARGE, "the source has " + info.width() + "x"
                    + info.height() + " pixels, more than the URL's max_src_resolution allows");
        }
        RenderContext ctx = new RenderContext(settings, info, spec, output, this::watermark);
        String copyright = spec.keepCopyright() ? info.copyright() : null;
        int permits = budget.acquire(rasterEstimate(info, spec, ctx.orientation));
        try {
            if (format == ImageFormat.GIF && output == ImageFormat.GIF) {
                return gifToGif(source, spec, ctx, copyright);
            }
            if (format == output && spec.skipProcessing().contains(format.extension())) {
                return new Rendition(source, output, info.width(), info.height(), false);
            }
            Frame f = Pipeline.run(decoder.decode(source, info, spec, ctx), spec, ctx);
            int quality = spec.qualityFor(output.extension());
            byte[] bytes = encode(f, output, quality, copyright);
            // max_bytes: lower the quality (as imgproxy does) until the output fits or the quality is 10
            while (spec.maxBytes() > 0 && bytes.length > spec.maxBytes() && quality > 10 && output != ImageFormat.PNG
                    && output != ImageFormat.GIF) {
                double over = (double) bytes.length / spec.maxBytes();
                int lower = (int) Math.round(quality * (over > 3 ? 0.25 : over > 1.5 ? 0.5 : 0.75));
                quality = Math.max(1, Math.min(quality - 1, lower));
                bytes = encode(f, output, quality, copyright);
            }
            return new Rendition(bytes, output, f.width, f.height, false);
        } catch (RenderException | IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RenderException(RenderException.ENCODE_FAILED, "the " + output.key() + " output cannot be "
                    + "written (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            budget.release(permits);
        }
    }

    private byte[] encode(Frame f, ImageFormat output, int quality, String copyright) throws IOException,
            RenderException {
        return switch (output) {
            case JPEG -> encoder.jpeg(f, quality, copyright);
            case PNG -> encoder.png(f, copyright);
            case WEBP -> encoder.webp(f, quality);
            case AVIF -> encoder.avif(f, quality);
            case GIF -> encoder.gif(List.of(Encoder.indexed(f, 0, true)), -1, copyright);
            default -> throw new IllegalArgumentException("not an output format: " + output);
        };
    }

    /**
     * The decoded raster's pixels, estimated from the header: the source over the square of the shrink the
     * decoder may apply (ImageIO's; TurboJPEG's is at most that), or the larger of that and the output (an
     * enlargement). Formats whose size the header scan does not read count as small.
     */
    static long rasterEstimate(SourceInfo info, VariantSpec spec, int orientation) {
        if (info.width() <= 0 || info.height() <= 0) {
            return 1;
        }
        Decoder.Plan plan = Decoder.Plan.of(info.width(), info.height(), orientation, spec);
        int s = plan.maxShrink();
        if (info.format() == ImageFormat.JPEG) { // TurboJPEG shrinks by a power of two
            s = Integer.highestOneBit(Math.min(8, s));
        }
        if (info.format() == ImageFormat.HEIC || info.format() == ImageFormat.AVIF) { // libheif: full size only
            s = 1;
        }
        long decoded = (long) Math.ceil((double) info.width() / s) * (long) Math.ceil((double) info.height() / s);
        return Math.max(decoded, (long) Math.ceil(info.width() * plan.need()) * (long) Math.ceil(info.height()
                * plan.need()));
    }

    /** Whether AVIF outputs can be written here (libheif with an AV1 encoder). */
    public boolean writesAvif() {
        return heif != null && heif.writesAvif();
    }

    /** e.g. "turbojpeg 2.1.5 + imageio", or "imageio" without TurboJPEG. */
    public String decoderInfo() {
        return decoder.info();
    }

    private static byte[] head(byte[] source) {
        return java.util.Arrays.copyOf(source, Math.min(source.length, 32));
    }

    // --- animated GIF ---------------------------------------------------------------------------------------

    private Rendition gifToGif(byte[] source, VariantSpec spec, RenderContext ctx, String copyright)
            throws RenderException, IOException {
        GifFrames frames;
        int count;
        try {
            frames = new GifFrames(source, codecs, settings);
            count = frames.count();
        } catch (RenderException e) {
            throw e;
        } catch (Exception e) {
            throw RenderException.undecodable("the gif source cannot be decoded (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        try (frames) {
            boolean truncated = false;
            if (count > 1) {
                long outPixels = outputPixels(frames.width(), frames.height(), spec);
                if (count > settings.maxFrames() || count * outPixels > settings.maxAnimationPixels()) {
                    truncated = true;
                    count = 1;
                }
            }
            List<Encoder.GifFrame> out = new ArrayList<>(count);
            int width = 0;
            int height = 0;
            for (int i = 0; i < Math.max(1, count); i++) {
                GifFrames.Composited c;
                try {
                    c = frames.next();
                } catch (Exception e) {
                    if (i == 0) {
                        throw RenderException.undecodable("the gif source cannot be decoded ("
                                + e.getClass().getSimpleName() + ")", e);
                    }
                    LOG.log(Level.FINE, "a GIF frame cannot be decoded; keeping the frames before it", e);
                    break;
                }
                Frame f = Pipeline.run(c.frame(), spec, ctx);
                width = f.width;
                height = f.height;
                out.add(Encoder.indexed(f, c.delayCentis(), count == 1));
            }
            byte[] bytes = encoder.gif(out, out.size() > 1 ? frames.loops() : -1, copyright);
            return new Rendition(bytes, ImageFormat.GIF, width, height, truncated);
        }
    }

    /** The output size of one frame, for the animation pixel budget. */
    private static long outputPixels(int w, int h, VariantSpec spec) {
        int[] size = Geometry.outputSize(w, h, spec);
        return (long) size[0] * size[1];
    }

    // --- watermark ------------------------------------------------------------------------------------------

    private Rasters.Pixels watermark() {
        Rasters.Pixels w = watermark;
        if (w == null) {
            synchronized (this) {
                w = watermark;
                if (w == null) {
                    w = loadWatermark();
                    watermark = w;
                }
            }
        }
        return w;
    }

    private Rasters.Pixels loadWatermark() {
        if (settings.watermarkFile() != null) {
            try {
                Rasters.Pixels p = decodeWatermark(Files.readAllBytes(settings.watermarkFile()));
                if (p != null) {
                    return p;
                }
            } catch (IOException e) {
                LOG.warning("the configured watermark file cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            LOG.warning("using the built-in watermark instead of the configured one");
        }
        try (InputStream in = ImageRenderer.class.getResourceAsStream(BUILT_IN_WATERMARK)) {
            return in == null ? null : decodeWatermark(in.readAllBytes());
        } catch (IOException e) {
            return null;
        }
    }

    /** A PNG (or JPEG) watermark as straight-alpha pixels, or null when it does not decode. */
    private Rasters.Pixels decodeWatermark(byte[] bytes) {
        try {
            ImageFormat format = ImageFormats.sniff(head(bytes)).orElse(null);
            if (format != ImageFormat.PNG && format != ImageFormat.JPEG) {
                return null;
            }
            ImageReader reader = format == ImageFormat.PNG ? codecs.pngReader() : codecs.jpegReader();
            try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(bytes)) {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > 16_000_000L) {
                    return null;
                }
                Rasters.Pixels p = Rasters.toPixels(reader.read(0));
                if (!p.alpha()) {
                    int[] px = p.px().clone();
                    for (int i = 0; i < px.length; i++) {
                        px[i] |= 0xFF000000;
                    }
                    p = new Rasters.Pixels(px, p.width(), p.height(), true);
                }
                return p;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning("a watermark image cannot be decoded (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }
}
