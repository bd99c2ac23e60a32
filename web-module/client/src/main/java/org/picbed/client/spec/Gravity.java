package org.picbed.client.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a window is anchored: imgproxy's gravity names. {@link #SMART} picks the most detailed region,
 * {@link #FOCUS_POINT} centres on a point given as fractions of the image ({@code fp:0.3:0.6}).
 */
public enum Gravity {
    CENTRE("ce"), NORTH("no"), SOUTH("so"), EAST("ea"), WEST("we"),
    NORTH_EAST("noea"), NORTH_WEST("nowe"), SOUTH_EAST("soea"), SOUTH_WEST("sowe"), SMART("sm"),
    FOCUS_POINT("fp");

    private final String code;

    Gravity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean north() {
        return this == NORTH || this == NORTH_EAST || this == NORTH_WEST;
    }

    public boolean south() {
        return this == SOUTH || this == SOUTH_EAST || this == SOUTH_WEST;
    }

    public boolean east() {
        return this == EAST || this == NORTH_EAST || this == SOUTH_EAST;
    }

    public boolean west() {
        return this == WEST || this == NORTH_WEST || this == SOUTH_WEST;
    }

    public static Optional<Gravity> fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }
}
