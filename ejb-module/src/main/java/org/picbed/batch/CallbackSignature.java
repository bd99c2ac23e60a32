package org.picbed.batch;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code X-Picbed-Signature} header of callbacks: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code "<t>." + body} with {@code PICBED_CALLBACK_SECRET}. A receiver recomputes it, compares in constant time
 * and refuses old timestamps (replays).
 */
public final class CallbackSignature {

    public static final String HEADER = "X-Picbed-Signature";

    private CallbackSignature() {
    }

    public static String header(byte[] secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds, body);
    }

    public static String hmac(byte[] secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
