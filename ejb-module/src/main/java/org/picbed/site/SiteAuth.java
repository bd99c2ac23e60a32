package org.picbed.site;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates one site to another's internal endpoint: header {@value #HEADER} is
 * {@code <site>:<epoch seconds>:<HMAC-SHA256(secret, site \n seconds \n method path)>} (base64url); accepted within
 * {@link #WINDOW} of the receiver's clock.
 */
public final class SiteAuth {

    public static final String HEADER = "X-Picbed-Site-Auth";
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final byte[] secret;

    public SiteAuth(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String site, String method, String path, Instant now) {
        long seconds = now.getEpochSecond();
        return site + ":" + seconds + ":" + mac(site, seconds, method, path);
    }

    /** The calling site when the header is genuine and fresh. */
    public Optional<String> verify(String header, String method, String path, Instant now) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(":", 3);
        if (parts.length != 3 || !SiteSettings.NAME.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
            return Optional.empty();
        }
        byte[] expected = mac(parts[0], seconds, method, path).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII)) ? Optional.of(parts[0]) : Optional.empty();
    }

    private String mac(String site, long seconds, String method, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] d = mac.doFinal((site + "\n" + seconds + "\n" + method + " " + path).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
