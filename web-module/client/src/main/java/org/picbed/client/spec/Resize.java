package org.picbed.client.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the target box is met (imgproxy's resizing types): {@link #FIT} inside it keeping the aspect ratio,
 * {@link #FILL} it and crop the overflow at the gravity, {@link #FILL_DOWN} like fill but, when the image is too
 * small and may not be enlarged, the largest window of the box's aspect ratio instead, {@link #FORCE} its exact
 * size ignoring the aspect ratio, {@link #AUTO} fill when source and box have the same orientation, else fit.
 */
public enum Resize {
    FIT("fit"), FILL("fill"), FILL_DOWN("fill-down"), FORCE("force"), AUTO("auto");

    private final String code;

    Resize(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the overflow of the box is cropped at the gravity. */
    public boolean fills() {
        return this == FILL || this == FILL_DOWN || this == AUTO;
    }

    public static Optional<Resize> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
