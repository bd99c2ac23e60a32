package org.picbed.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.config.Settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Slows password guessing against the admin login, per account and per client address, on this node. The first
 * {@code PICBED_LOGIN_FREE_FAILURES} (3) failures cost nothing; after that each attempt must wait a growing delay
 * after the last failure (1 s, 2 s, 4 s ... at most 60 s), and after {@code PICBED_LOGIN_LOCK_AFTER} (10) failures the
 * account or address is locked for {@code PICBED_LOGIN_LOCK_SECONDS} (900). A refused attempt is not counted (it
 * cannot extend a lock), a success clears both keys, and every count expires with the lock: nobody is locked out
 * for good.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    private static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private int freeFailures;
    private int lockAfter;
    private Duration lock;
    private Clock clock = Clock.systemUTC();
    private Cache<String, Failures> failures;

    private record Failures(int count, Instant last) {
    }

    public LoginThrottle() {
    }

    /** For tests: the policy from these settings, time from {@code clock}. */
    public LoginThrottle(Settings settings, Clock clock) {
        configure(settings);
        this.clock = clock;
    }

    @Inject
    void configure(Settings settings) {
        freeFailures = settings.getInt("login.free-failures", 3);
        lockAfter = settings.getInt("login.lock-after", 10);
        lock = Duration.ofSeconds(settings.getLong("login.lock-seconds", 900));
        failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lock.plus(MAX_DELAY)).build();
    }

    /** Refuses the attempt (429 with Retry-After) while the account or the address must wait. */
    public void check(String account, String address) {
        Optional<Duration> wait = waitFor(key("account", account)).or(() -> waitFor(key("address", address)));
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.get());
        }
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {key("account", account), key("address", address)}) {
            Failures f = failures.asMap().merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
            if (f.count() == lockAfter) {
                LOG.warning(() -> "admin login: " + key + " locked for " + lock.toSeconds() + " s after " + f.count() + " failures");
            }
        }
    }

    public void succeeded(String account, String address) {
        failures.invalidate(key("account", account));
        failures.invalidate(key("address", address));
    }

    /** An account or address with counted failures: how many, the last one, and how long it must still wait (zero: none). */
    public record State(String key, int failures, Instant lastFailure, Duration waitLeft, boolean locked) {
    }

    /** Every account and address with counted failures on this node, most failures first (for the dashboard). */
    public List<State> states() {
        return failures.asMap().entrySet().stream()
                .map(e -> new State(e.getKey(), e.getValue().count(), e.getValue().last(),
                        waitFor(e.getKey()).orElse(Duration.ZERO), e.getValue().count() >= lockAfter
                                && !waitFor(e.getKey()).orElse(Duration.ZERO).isZero()))
                .sorted(java.util.Comparator.comparingInt(State::failures).reversed()).limit(100).toList();
    }

    /** The policy, for the dashboard: free failures, failures until the lock, and the lock. */
    public String policy() {
        return freeFailures + " free failures, then 1 s doubling to " + MAX_DELAY.toSeconds() + " s; locked for "
                + lock.toSeconds() + " s after " + lockAfter;
    }

    private Optional<Duration> waitFor(String key) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.count() < freeFailures) {
            return Optional.empty();
        }
        Duration delay = f.count() >= lockAfter ? lock
                : Duration.ofSeconds(Math.min(1L << Math.min(f.count() - freeFailures, 6), MAX_DELAY.toSeconds()));
        Duration left = Duration.between(clock.instant(), f.last().plus(delay));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value);
    }
}
