package org.picbed.taglib;

import org.picbed.client.url.ImageIds;

/**
 * EL functions ({@code picbed:url}, {@code picbed:preset}, {@code picbed:variant}) for bare image URLs, e.g. in
 * {@code og:image}, CSS backgrounds or links. Prefixed with picbed's public URL ({@code url}), else root-relative (see {@link PicbedTags}).
 */
public final class Functions {

    private Functions() {
    }

    /** The original: {@code ${picbed:url(id)}}. */
    public static String url(String id) {
        return PicbedTags.current().urls().original(ImageIds.check(id));
    }

    /** A preset: {@code ${picbed:preset(id, 'thumb', 'webp')}}. */
    public static String preset(String id, String preset, String ext) {
        return PicbedTags.current().urls().preset(ImageIds.check(id), preset, ext);
    }

    /** Any variant, signed: {@code ${picbed:variant(id, 'rs:fill:1200:630/g:sm', 'jpg')}}. */
    public static String variant(String id, String options, String ext) {
        return PicbedTags.current().urls().variant(ImageIds.check(id), options, ext);
    }
}
