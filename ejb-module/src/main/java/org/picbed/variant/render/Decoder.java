package org.picbed.variant.render;

import org.picbed.image.ImageFormat;
import org.picbed.image.format.SourceInfo;
import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.Gravity;
import org.picbed.client.spec.VariantSpec;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Decodes a still source (or an animation's first frame) at the smallest resolution that still leaves the
 * final resample 2x headroom, like libvips' shrink-on-load:
 * <ul>
 * <li>JPEG (8-bit, grey or YCbCr/RGB) through TurboJPEG with DCT scaling by 1/2, 1/4 or 1/8 - a 20 MP photo for a
 * 300 px thumbnail is never held at full resolution. Its embedded ICC profile is then applied on the small
 * raster;</li>
 * <li>other JPEGs (CMYK/YCCK with Adobe APP14, 12-bit, or no TurboJPEG) through TwelveMonkeys' reader with
 * {@code setSourceSubsampling} (and {@code setSourceRegion} when a crop allows it): CMYK/YCCK come out as sRGB,
 * not inverted;</li>
 * <li>WebP through libwebp with its scaled (area-averaging) decode, else TwelveMonkeys;</li>
 * <li>HEIC and AVIF through libheif ({@link Heif}), at full size (it has no scaled decode), already oriented;</li>
 * <li>PNG, BMP through the JDK with subsampling and region; ICO through TwelveMonkeys (largest entry); GIF through
 * {@link GifFrames} (first frame composited on the logical screen).</li>
 * </ul>
 * The frame returned is in stored (un-oriented) coordinates; the orient step turns it.
 */
final class Decoder {

    private static final Logger LOG = Logger.getLogger(Decoder.class.getName());
    /** Above this many decoded pixels, a crop to less than half the image is decoded by region through ImageIO. */
    static final long REGION_DECODE_PIXELS = 16_000_000L;

    private final RenderSettings settings;
    private final TurboJpeg turbo;
    private final Heif heif;
    private final Codecs codecs;

    Decoder(RenderSettings settings, TurboJpeg turbo, Heif heif, Codecs codecs) {
        this.settings = settings;
        this.turbo = turbo;
        this.heif = heif;
        this.codecs = codecs;
    }

    /**
     * What the spec needs of the source, in oriented (logical) coordinates: the resolution (raster pixels per
     * source pixel) the resize needs, and the region actually used, when it is known before seeing pixels.
     */
    record Plan(double need, Geometry.Box region) {

        static Plan of(int rawW, int rawH, int orientation, VariantSpec spec) {
            boolean swap = orientation >= 5 && orientation <= 8;
            int w = swap ? rawH : rawW;
            int h = swap ? rawW : rawH;
            if (spec.trim() != null) {
                return new Plan(1, null); // the border to trim is found on the pixels: all of them, at full size
            }
            Geometry.Layout l = Geometry.layout(w, h, spec);
            double need = Math.max(l.scaleX(), l.scaleY());
            Geometry.Box crop = new Geometry.Box(0, 0, w, h);
            if (spec.crop() != null && (l.cropW() < w || l.cropH() < h)) {
                if (spec.crop().gravity().type() == Gravity.SMART) {
                    return new Plan(need, null);
                }
                int[] at = Geometry.position(w, h, l.cropW(), l.cropH(), spec.crop().gravity(), 1, false);
                crop = new Geometry.Box(at[0], at[1], l.cropW(), l.cropH());
            }
            if (!l.cropsResult() || spec.gravity().type() == Gravity.SMART) {
                return new Plan(need, crop);
            }
            int[] at = Geometry.position(l.scaledW(), l.scaledH(), l.resultW(), l.resultH(), spec.gravity(),
                    l.dprScale(), false);
            return new Plan(need, new Geometry.Box(crop.x() + at[0] / l.scaleX(), crop.y() + at[1] / l.scaleY(),
                    l.resultW() / l.scaleX(), l.resultH() / l.scaleY()));
        }

        /** The largest integer shrink that keeps the decoded raster at least twice the output's resolution. */
        int maxShrink() {
            if (need >= 0.5) {
                return 1;
            }
            return Math.max(1, (int) Math.floor(1 / (2 * need) + 1e-9));
        }
    }

    Frame decode(byte[] src, SourceInfo info, VariantSpec spec, RenderContext ctx) throws RenderException {
        int orientation = ctx.orientation;
        try {
            return switch (info.format()) {
                case JPEG -> jpeg(src, info, spec, orientation);
                case WEBP -> webp(src, info, spec, orientation);
                case GIF -> gif(src);
                case ICO -> ico(src);
                case HEIC, AVIF -> heif(src, info);
                case PNG, BMP -> imageio(src, info, spec, orientation,
                        info.format() == ImageFormat.PNG ? codecs.pngReader() : codecs.bmpReader(), info.icc());
            };
        } catch (RenderException e) {
            throw e;
        } catch (Exception e) {
            throw RenderException.undecodable("the " + info.format().key() + " source cannot be decoded ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    String info() {
        return turbo != null ? turbo.info() + " + imageio" : "imageio";
    }

    private void guard(long w, long h) throws RenderException {
        if (w <= 0 || h <= 0) {
            throw new RenderException(RenderException.UNDECODABLE, "the source has no size");
        }
        if (w * h > settings.maxSourcePixels()) {
            throw new RenderException(RenderException.TOO_LARGE, "the source declares " + w + "x" + h
                    + " pixels, more than " + settings.maxSourcePixels());
        }
    }

    // --- JPEG ---------------------------------------------------------------------------------------------

    private Frame jpeg(byte[] src, SourceInfo info, VariantSpec spec, int orientation) throws Exception {
        if (info.width() > 0) {
            guard(info.width(), info.height());
        }
        if (turbo != null && info.plainJpeg() && info.width() > 0 && info.height() > 0) {
            Plan plan = Plan.of(info.width(), info.height(), orientation, spec);
            int limit = plan.maxShrink();
            int shrink = 1;
            for (int k : turbo.shrinks()) {
                if (k <= limit) {
                    shrink = Math.max(shrink, k);
                }
            }
            long raster = (long) ((info.width() + shrink - 1) / shrink) * ((info.height() + shrink - 1) / shrink);
            Geometry.Box region = plan.region();
            boolean smallRegion = region != null
                    && region.w() * region.h() < 0.5 * info.width() * (double) info.height();
            if (raster > REGION_DECODE_PIXELS && smallRegion) {
                // TurboJPEG 2.1 cannot decode a region: a crop of a big photo would hold the whole of it
                return imageio(src, info, spec, orientation, codecs.jpegReader(), null);
            }
            try {
                TurboJpeg.Decoded d = turbo.decode(src, shrink);
                Rasters.Pixels p = Rasters.toPixels(d.image());
                Rasters.toSrgb(p.px(), p.width(), p.height(), false, info.icc());
                return new Frame(p.px(), p.width(), p.height(), false, d.width(), d.height(), 0, 0, d.width(),
                        d.height());
            } catch (Exception e) {
                LOG.log(Level.FINE, "TurboJPEG could not decode a source, trying ImageIO", e);
            }
        }
        return imageio(src, info, spec, orientation, codecs.jpegReader(), null);
    }

    // --- ImageIO with subsampling and region ---------------------------------------------------------------

    private Frame imageio(byte[] src, SourceInfo info, VariantSpec spec, int orientation, ImageReader reader,
                          byte[] icc) throws Exception {
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(src)) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            guard(w, h);
            Plan plan = Plan.of(w, h, orientation, spec);
            ImageReadParam param = reader.getDefaultReadParam();
            Rectangle region = rawRegion(plan, w, h, orientation);
            if (region != null) {
                param.setSourceRegion(region);
            } else {
                region = new Rectangle(0, 0, w, h);
            }
            int s = plan.maxShrink();
            if (s > 1) {
                param.setSourceSubsampling(s, s, 0, 0);
            }
            if (info.format() != ImageFormat.JPEG) { // TwelveMonkeys' JPEG reader refuses its own INT types
                intDestination(reader, param);
            }
            BufferedImage img = reader.read(0, param);
            Rasters.Pixels p = Rasters.toPixels(img);
            Rasters.toSrgb(p.px(), p.width(), p.height(), p.alpha(), icc);
            return new Frame(p.px(), p.width(), p.height(), p.alpha(), w, h, region.x, region.y,
                    region.width, region.height);
        } finally {
            reader.dispose();
        }
    }

    /**
     * 8-bit RGB(A) decoded straight into packed ints, the pipeline's layout, instead of interleaved bytes that
     * would be converted (a second full-size raster).
     */
    private static void intDestination(ImageReader reader, ImageReadParam param) throws java.io.IOException {
        java.util.Iterator<javax.imageio.ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (!types.hasNext()) {
            return;
        }
        int first = types.next().getBufferedImageType();
        int wanted = first == BufferedImage.TYPE_3BYTE_BGR ? BufferedImage.TYPE_INT_RGB
                : first == BufferedImage.TYPE_4BYTE_ABGR ? BufferedImage.TYPE_INT_ARGB : -1;
        while (wanted >= 0 && types.hasNext()) {
            javax.imageio.ImageTypeSpecifier t = types.next();
            if (t.getBufferedImageType() == wanted) {
                param.setDestinationType(t);
                return;
            }
        }
    }

    /** The stored-pixel rectangle behind the plan's region, or null for the whole image. */
    private static Rectangle rawRegion(Plan plan, int w, int h, int orientation) {
        if (plan.region() == null) {
            return null;
        }
        Geometry.Box raw = Geometry.unorient(plan.region(), w, h, orientation);
        int x0 = Math.max(0, (int) Math.floor(raw.x() + 1e-6));
        int y0 = Math.max(0, (int) Math.floor(raw.y() + 1e-6));
        int x1 = Math.min(w, (int) Math.ceil(raw.x() + raw.w() - 1e-6));
        int y1 = Math.min(h, (int) Math.ceil(raw.y() + raw.h() - 1e-6));
        if (x1 <= x0 || y1 <= y0 || (x0 == 0 && y0 == 0 && x1 == w && y1 == h)) {
            return null;
        }
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    // --- WebP -----------------------------------------------------------------------------------------------

    private Frame webp(byte[] src, SourceInfo info, VariantSpec spec, int orientation) throws Exception {
        if (info.width() > 0) {
            guard(info.width(), info.height());
        }
        ImageReader nativeReader = codecs.nativeWebpReader();
        if (nativeReader != null) {
            try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(src)) {
                nativeReader.setInput(in, true, true);
                int w = nativeReader.getWidth(0);
                int h = nativeReader.getHeight(0);
                guard(w, h);
                Plan plan = Plan.of(w, h, orientation, spec);
                Rectangle region = rawRegion(plan, w, h, orientation);
                com.luciad.imageio.webp.WebPReadParam param = new com.luciad.imageio.webp.WebPReadParam();
                if (region != null) {
                    param.setUseCropping(true);
                    param.setCropLeft(region.x);
                    param.setCropTop(region.y);
                    param.setCropWidth(region.width);
                    param.setCropHeight(region.height);
                } else {
                    region = new Rectangle(0, 0, w, h);
                }
                int s = plan.maxShrink();
                if (s > 1) {
                    param.setUseScaling(true);
                    param.setScaledWidth(Math.max(1, (region.width + s - 1) / s));
                    param.setScaledHeight(Math.max(1, (region.height + s - 1) / s));
                }
                BufferedImage img = nativeReader.read(0, param);
                Rasters.Pixels p = Rasters.toPixels(img);
                Rasters.toSrgb(p.px(), p.width(), p.height(), p.alpha(), info.icc());
                return new Frame(p.px(), p.width(), p.height(), p.alpha(), w, h, region.x, region.y,
                        region.width, region.height);
            } catch (RenderException e) {
                throw e;
            } catch (Exception e) {
                // animated WebP and other features the simple libwebp API refuses: the pure-Java reader
                LOG.log(Level.FINE, "libwebp could not decode a source, trying TwelveMonkeys", e);
            } finally {
                nativeReader.dispose();
            }
        }
        return imageio(src, info, spec, orientation, codecs.webpReader(), null);
    }

    // --- HEIC, AVIF -----------------------------------------------------------------------------------------

    private Frame heif(byte[] src, SourceInfo info) throws Exception {
        if (info.width() > 0) {
            guard(info.width(), info.height());
        }
        if (heif == null || !heif.reads(info.format())) {
            throw new RenderException(RenderException.UNSUPPORTED, info.format().key().toUpperCase()
                    + " sources cannot be rendered on this host (no libheif)");
        }
        Frame f = heif.decode(src, settings.maxSourcePixels());
        Rasters.toSrgb(f.px, f.width, f.height, f.alpha, info.icc());
        return f;
    }

    // --- GIF, ICO ---------------------------------------------------------------------------------------------

    private Frame gif(byte[] src) throws Exception {
        try (GifFrames frames = new GifFrames(src, codecs, settings)) {
            return frames.next().frame();
        }
    }

    private Frame ico(byte[] src) throws Exception {
        ImageReader reader = codecs.icoReader();
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(src)) {
            reader.setInput(in, false, true);
            int n = reader.getNumImages(true);
            int best = 0;
            long bestArea = -1;
            for (int i = 0; i < n; i++) {
                long area = (long) reader.getWidth(i) * reader.getHeight(i);
                if (area > bestArea) {
                    bestArea = area;
                    best = i;
                }
            }
            guard(reader.getWidth(best), reader.getHeight(best));
            Rasters.Pixels p = Rasters.toPixels(reader.read(best));
            return Frame.of(p.px(), p.width(), p.height(), p.alpha());
        } finally {
            reader.dispose();
        }
    }
}
