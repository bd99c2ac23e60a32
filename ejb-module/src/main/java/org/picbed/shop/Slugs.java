package org.picbed.shop;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL names of products: lowercase ASCII words joined by hyphens, made unique with a counter. */
public final class Slugs {

    public static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /** {@code "Blue Mug (large)"} -> {@code blue-mug-large}; {@code product} when nothing is left. */
    public static String of(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH - 6) {
            slug = slug.substring(0, MAX_LENGTH - 6).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "product" : slug;
    }

    /** The first of {@code base}, {@code base-2}, {@code base-3}... that is not taken. */
    public static String unique(String base, Predicate<String> taken) {
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }
}
