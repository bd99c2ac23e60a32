package org.picbed.auth;

import org.junit.jupiter.api.Test;
import org.picbed.config.Settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoginThrottleTest {

    /** A clock the test moves. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Hand clock = new Hand();
    private final LoginThrottle throttle = new LoginThrottle(new Settings(Map.of(
            "PICBED_LOGIN_FREE_FAILURES", "3", "PICBED_LOGIN_LOCK_AFTER", "6", "PICBED_LOGIN_LOCK_SECONDS", "900"),
            new Properties()), clock);

    @Test
    void theFirstFailuresCostNothingThenTheDelayGrows() {
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> throttle.check("admin", "10.0.0.1"));
            throttle.failed("admin", "10.0.0.1");
        }
        assertEquals(1, assertThrows(TooManyAttempts.class, () -> throttle.check("admin", "10.0.0.1")).retryAfterSeconds().getAsLong());
        clock.advance(Duration.ofSeconds(1));
        throttle.check("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        TooManyAttempts second = assertThrows(TooManyAttempts.class, () -> throttle.check("admin", "10.0.0.1"));
        assertEquals(2, second.retryAfterSeconds().getAsLong());
        assertEquals(429, second.status());
        assertEquals("too_many_attempts", second.code());
    }

    @Test
    void manyFailuresLockForAWhileNotForever() {
        fail(6, "admin", "10.0.0.1");
        assertEquals(900, assertThrows(TooManyAttempts.class, () -> throttle.check("admin", "10.0.0.1")).retryAfterSeconds().getAsLong());
        clock.advance(Duration.ofSeconds(899));
        assertThrows(TooManyAttempts.class, () -> throttle.check("admin", "10.0.0.1"), "still locked");
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.check("admin", "10.0.0.1"), "the lock has expired");
    }

    @Test
    void theAccountIsThrottledFromEveryAddressAndTheAddressForEveryAccount() {
        fail(3, "admin", "10.0.0.1");
        assertThrows(TooManyAttempts.class, () -> throttle.check("admin", "10.0.0.2"), "same account, other address");
        assertThrows(TooManyAttempts.class, () -> throttle.check("root", "10.0.0.1"), "same address, other account");
        assertDoesNotThrow(() -> throttle.check("root", "10.0.0.2"));
    }

    @Test
    void aSuccessClearsTheAccountAndTheAddress() {
        fail(2, "admin", "10.0.0.1");
        throttle.succeeded("admin", "10.0.0.1");
        fail(2, "admin", "10.0.0.1");
        assertDoesNotThrow(() -> throttle.check("admin", "10.0.0.1"), "2 + 2 failures, but a success in between");
    }

    private void fail(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }
}
