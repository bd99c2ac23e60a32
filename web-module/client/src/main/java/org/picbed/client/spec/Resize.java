package org.picbed.client.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the target box is met: {@link #FIT} inside it keeping the aspect ratio, {@link #FILL} it and crop the
 * overflow at the gravity, {@link #FORCE} its exact size ignoring the aspect ratio.
 */
public enum Resize {
    FIT("fit"), FILL("fill"), FORCE("force");

    private final String code;

    Resize(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Resize> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
