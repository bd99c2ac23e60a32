package org.picbed.client.url;

import org.picbed.client.spec.Geometry;
import org.picbed.client.spec.Resize;
import org.picbed.client.spec.VariantSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The URLs of a responsive {@code <img>}: one picture (the original, a preset or options) at several widths for
 * {@code srcset}, each with the size it really renders at, and a {@code src} with its {@code width x height}.
 * Candidates are canonical signed variant URLs (same output, same URL, one cached copy); a preset alone gives
 * its unsigned preset URL. Widths a candidate cannot reach without enlarging collapse into one candidate at the
 * largest size the image has.
 */
public final class ResponsiveImages {

    public static final List<Integer> DEFAULT_WIDTHS = List.of(320, 640, 960, 1280, 1920);
    /** The {@code src} fallback for browsers without {@code srcset} aims at this width when no preset gives one. */
    public static final int FALLBACK_WIDTH = 960;

    /** One URL path with the size it renders at. */
    public record Candidate(String path, int width, int height) {
    }

    /** What an {@code <img>} needs: its {@code src} and {@code width}/{@code height}, and the {@code srcset} list. */
    public record Markup(Candidate src, List<Candidate> srcset) {

        public String srcsetAttribute(String base) {
            StringBuilder text = new StringBuilder();
            for (Candidate c : srcset) {
                text.append(text.isEmpty() ? "" : ", ").append(base).append(c.path()).append(' ').append(c.width()).append('w');
            }
            return text.toString();
        }
    }

    private final PicbedUrls urls;

    public ResponsiveImages(PicbedUrls urls) {
        this.urls = urls;
    }

    /**
     * @param width   the image's width as shown (after its EXIF orientation), from the catalogue
     * @param preset  a preset name, or null
     * @param options imgproxy-style options applied after the preset, or null/empty
     * @param widths  the srcset widths; empty: {@code src} only
     * @param ext     the variant extension ({@code auto}, {@code webp}, {@code jpg}, ...)
     * @throws IllegalArgumentException for an unknown preset, invalid options or extension (a page bug)
     */
    public Markup markup(String id, int width, int height, String preset, String options, Collection<Integer> widths, String ext) {
        String picture = picture(preset, options);
        VariantSpec base = parse(picture);
        int[] baseSize = Geometry.outputSize(width, height, base);
        int widest = widestKeepingShape(width, height, picture, base);
        TreeMap<Integer, Candidate> byWidth = new TreeMap<>();
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("srcset widths must be positive: " + w);
            }
            VariantSpec spec = parse(join(picture, scaled(base, Math.min(w, widest))));
            int[] size = Geometry.outputSize(width, height, spec);
            byWidth.putIfAbsent(size[0], new Candidate(urls.signedPath(text(spec), id, ext), size[0], size[1]));
        }
        List<Candidate> srcset = new ArrayList<>(byWidth.values());
        Candidate src;
        if (preset != null && (options == null || options.isEmpty())) {
            src = new Candidate(PicbedUrls.presetPath(id, preset, ext), baseSize[0], baseSize[1]);
        } else if (srcset.isEmpty() || base.resizes()) {
            src = new Candidate(urls.signedPath(text(base), id, ext), baseSize[0], baseSize[1]);
        } else {
            src = Optional.ofNullable(byWidth.floorEntry(FALLBACK_WIDTH)).orElse(byWidth.firstEntry()).getValue();
        }
        return new Markup(src, srcset);
    }

    /**
     * A cropped or forced box that may not enlarge keeps its shape only up to the width where its height meets
     * the (cropped) source's: wider candidates would come out in another shape.
     */
    private int widestKeepingShape(int width, int height, String picture, VariantSpec base) {
        if (!boxed(base) || base.enlarge()) {
            return Integer.MAX_VALUE;
        }
        int[] region = Geometry.outputSize(width, height, parse(join(picture, "w:0/h:0"))); // as shown, turned
        int regionW = region[0];
        int regionH = region[1];
        return (int) Math.max(1, Math.min(regionW, Math.floor((double) regionH * base.width() / base.height())));
    }

    private static boolean boxed(VariantSpec base) {
        return base.width() > 0 && base.height() > 0 && base.resize() != Resize.FIT;
    }

    private static String picture(String preset, String options) {
        String text = preset == null || preset.isEmpty() ? "" : "pr:" + preset;
        return options == null || options.isEmpty() ? text : join(text, options);
    }

    /**
     * The base picture at width {@code w}: a box that keeps the base's shape where it is a cropped or forced box,
     * else a width with the height following the aspect ratio.
     */
    private static String scaled(VariantSpec base, int w) {
        if (boxed(base)) {
            int h = Math.max(1, (int) Math.round((double) w * base.height() / base.width()));
            return "w:" + w + "/h:" + h;
        }
        return "rt:fit/w:" + w + "/h:0";
    }

    private VariantSpec parse(String options) {
        return urls.options().parse(options);
    }

    private static String text(VariantSpec spec) {
        String canonical = spec.canonical();
        return canonical.equals("orig") ? "" : canonical;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "/" + b;
    }
}
