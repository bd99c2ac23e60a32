package org.picbed.embed;

/**
 * EL functions ({@code picbed:url}, {@code picbed:preset}, {@code picbed:variant}) for bare image URLs, e.g. in
 * {@code og:image}, CSS backgrounds or links. Prefixed with {@code PICBED_PUBLIC_URL}, else root-relative.
 */
public final class Functions {

    private Functions() {
    }

    /** The original: {@code ${picbed:url(id)}}. */
    public static String url(String id) {
        return ImageUrls.base("") + ImageUrls.original(ImageUrls.id(id));
    }

    /** A preset: {@code ${picbed:preset(id, 'thumb', 'webp')}}. */
    public static String preset(String id, String preset, String ext) {
        return ImageUrls.base("") + ImageUrls.preset(ImageUrls.id(id), preset, ext);
    }

    /** Any variant, signed: {@code ${picbed:variant(id, 'rs:fill:1200:630/g:sm', 'jpg')}}. */
    public static String variant(String id, String options, String ext) {
        return ImageUrls.base("") + ImageUrls.variant(ImageUrls.id(id), options, ext);
    }
}
