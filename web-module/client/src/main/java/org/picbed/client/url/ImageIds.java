package org.picbed.client.url;

import java.util.regex.Pattern;

/** picbed's image ids: the SHA-256 of the original's bytes, 64 lowercase hex characters. */
public final class ImageIds {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    private ImageIds() {
    }

    public static boolean isValid(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /**
     * @return the id, without surrounding blanks
     * @throws IllegalArgumentException when it is not an image id
     */
    public static String check(String text) {
        String id = text == null ? "" : text.strip();
        if (!isValid(id)) {
            throw new IllegalArgumentException("not an image id (64 lowercase hex characters): '"
                    + (id.length() > 80 ? id.substring(0, 80) + "..." : id) + "'");
        }
        return id;
    }
}
