package org.picbed.taglib;

import jakarta.servlet.ServletContext;
import org.picbed.client.PicbedClient;
import org.picbed.client.PicbedSettings;
import org.picbed.client.url.PicbedUrls;
import org.picbed.client.url.ResponsiveImages;

import java.util.Optional;

/**
 * The taglib's configuration for one web application, read once: settings from the context parameters
 * {@code picbed.<name>} (web.xml), then the system properties {@code picbed.<name>}, then the environment
 * {@code PICBED_<NAME>}:
 * <ul>
 * <li>{@code url}: picbed's public URL (image URLs start with it; without it they are root-relative, for pages
 * served by picbed itself);</li>
 * <li>{@code signing.key}, {@code signing.salt} (and {@code signing.size}): picbed's signing keys, for variant URLs;</li>
 * <li>{@code presets}: the presets picbed has beyond the built-in ones (the same value as picbed's);</li>
 * <li>{@code api.url} (default {@code url}): where the tag asks picbed for an image's size when the page does not say.</li>
 * </ul>
 */
public final class PicbedTags {

    /** The servlet context attribute holding the configured instance. */
    public static final String ATTRIBUTE = PicbedTags.class.getName();
    /** A servlet context attribute an application may set to an {@link ImageSizes} of its own. */
    public static final String SIZES_ATTRIBUTE = "org.picbed.taglib.sizes";

    private static volatile PicbedTags latest;

    private final PicbedUrls urls;
    private final ResponsiveImages responsive;
    private final ServletContext context;
    private final ImageSizes defaultSizes;

    PicbedTags(PicbedUrls urls, ServletContext context, ImageSizes defaultSizes) {
        this.urls = urls;
        this.responsive = new ResponsiveImages(urls);
        this.context = context;
        this.defaultSizes = defaultSizes;
    }

    /** The application's configuration, made on first use. */
    public static PicbedTags of(ServletContext context) {
        Object existing = context.getAttribute(ATTRIBUTE);
        if (existing instanceof PicbedTags tags) {
            return tags;
        }
        synchronized (PicbedTags.class) {
            existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof PicbedTags tags) {
                return tags;
            }
            PicbedTags tags = configure(context);
            context.setAttribute(ATTRIBUTE, tags);
            latest = tags;
            return tags;
        }
    }

    /**
     * For the EL functions, which see no servlet context: the configuration of the application this taglib was
     * last configured for (its jar sits in that application's {@code WEB-INF/lib}), else from the environment.
     */
    static PicbedTags current() {
        PicbedTags tags = latest;
        if (tags == null) {
            synchronized (PicbedTags.class) {
                if (latest == null) {
                    latest = new PicbedTags(PicbedUrls.from(PicbedSettings.fromEnvironment()), null, id -> Optional.empty());
                }
                tags = latest;
            }
        }
        return tags;
    }

    static PicbedSettings settings(ServletContext context) {
        return new PicbedSettings(name -> context.getInitParameter("picbed." + name)).orElse(PicbedSettings.fromEnvironment());
    }

    private static PicbedTags configure(ServletContext context) {
        PicbedSettings settings = settings(context);
        PicbedUrls urls = PicbedUrls.from(settings);
        ImageSizes sizes;
        if (settings.get("api.url").or(() -> settings.get("url")).isPresent()) {
            sizes = new MetadataSizes(PicbedClient.from(settings), MetadataSizes.DEFAULT_ENTRIES);
        } else {
            sizes = id -> Optional.empty();
        }
        context.log("picbed taglib: image URLs " + urls.base().map(b -> "from " + b).orElse("root-relative")
                + ", variant URLs " + (urls.signatures().enabled() ? "signed" : "unsigned"));
        return new PicbedTags(urls, context, sizes);
    }

    public PicbedUrls urls() {
        return urls;
    }

    public ResponsiveImages responsive() {
        return responsive;
    }

    /** The application's own {@link #SIZES_ATTRIBUTE} when it set one (looked up each time), else the metadata API. */
    public ImageSizes sizes() {
        if (context != null && context.getAttribute(SIZES_ATTRIBUTE) instanceof ImageSizes own) {
            return own;
        }
        return defaultSizes;
    }
}
