package org.picbed.auth;

import org.picbed.error.PicbedException;

import java.time.Duration;
import java.util.OptionalLong;

/** 429: the login throttle refuses this attempt; the answer carries {@code Retry-After}. */
public class TooManyAttempts extends PicbedException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super(429, "too_many_attempts", "too many failed logins; try again in " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1. */
    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
