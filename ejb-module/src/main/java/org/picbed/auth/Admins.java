package org.picbed.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** The operator's credentials ({@code PICBED_ADMIN_USER} / {@code PICBED_ADMIN_PASSWORD}), checked from HTTP Basic. */
@ApplicationScoped
public class Admins {

    private byte[] expected;
    private String user;

    @Inject
    LoginThrottle throttle;

    public Admins() {
    }

    public Admins(Settings settings) {
        configure(settings);
    }

    @Inject
    void configure(Settings settings) {
        user = settings.get("admin.user", "admin");
        String password = settings.get("admin.password", "");
        expected = password.isEmpty() ? null : (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether these are the operator's credentials (false when no admin password is configured). */
    public boolean matches(String user, String password) {
        if (expected == null || user == null || password == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The operator's user name, for audit rows. */
    public String user() {
        return user;
    }

    /** Whether an admin password is configured at all (without one nobody can log in). */
    public boolean configured() {
        return expected != null;
    }

    /**
     * Passes for the operator; 401 otherwise (also when no admin password is configured), 429 while the
     * {@link LoginThrottle} makes this account or address wait.
     */
    public void authenticate(String authorization, String clientAddress) {
        byte[] presented = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                presented = Base64.getDecoder().decode(authorization.substring(6).trim());
            } catch (IllegalArgumentException e) {
                presented = null;
            }
        }
        if (presented == null) {
            throttle.check("", clientAddress); // no guess to count, but a throttled address still waits
            throw unauthorized();
        }
        String credentials = new String(presented, StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        if (!verify(colon < 0 ? credentials : credentials.substring(0, colon),
                colon < 0 ? "" : credentials.substring(colon + 1), clientAddress)) {
            throw unauthorized();
        }
    }

    /**
     * One login attempt through the {@link LoginThrottle} (form login and HTTP Basic alike): 429 while this account
     * or address must wait; otherwise whether these are the operator's credentials, counted as a success or a
     * failure.
     */
    public boolean verify(String user, String password, String clientAddress) {
        throttle.check(user, clientAddress);
        boolean valid = matches(user, password);
        if (valid) {
            throttle.succeeded(user, clientAddress);
        } else {
            throttle.failed(user, clientAddress);
        }
        return valid;
    }

    private static PicbedException unauthorized() {
        return new PicbedException(401, "unauthorized", "the admin credentials are required (HTTP Basic)");
    }
}
