package org.picbed.client.spec;

import java.util.Arrays;
import java.util.Optional;

/** Where a crop is anchored: imgproxy's gravity names; {@link #SMART} picks the most detailed region. */
public enum Gravity {
    CENTRE("ce"), NORTH("no"), SOUTH("so"), EAST("ea"), WEST("we"),
    NORTH_EAST("noea"), NORTH_WEST("nowe"), SOUTH_EAST("soea"), SOUTH_WEST("sowe"), SMART("sm");

    private final String code;

    Gravity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Gravity> fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }
}
