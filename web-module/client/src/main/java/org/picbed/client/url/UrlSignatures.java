package org.picbed.client.url;

import org.picbed.client.PicbedSettings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * imgproxy's URL signatures: base64url without padding of HMAC-SHA256(key, salt + path), where the path is what
 * follows the signature segment, leading "/" included; optionally truncated to the first {@code size} bytes.
 * Several key/salt pairs may be configured for rotation ({@code PICBED_SIGNING_KEY} and
 * {@code PICBED_SIGNING_SALT}: comma-separated hex lists of equal length); {@link #sign} uses the first pair,
 * {@link #verify} accepts any.
 */
public final class UrlSignatures {

    public static final int DEFAULT_SIZE = 32;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private record Pair(byte[] key, byte[] salt) {
    }

    private final List<Pair> pairs;
    private final int size;
    private final boolean allowUnsigned;

    private UrlSignatures(List<Pair> pairs, int size, boolean allowUnsigned) {
        if (size < 1 || size > DEFAULT_SIZE) {
            throw new IllegalArgumentException(PicbedSettings.envName("signing.size") + " must be from 1 to 32 bytes");
        }
        this.pairs = List.copyOf(pairs);
        this.size = size;
        this.allowUnsigned = allowUnsigned;
    }

    /** {@code signing.key}, {@code signing.salt}, {@code signing.size}, {@code signing.allow-unsigned}. */
    public static UrlSignatures from(PicbedSettings settings) {
        return of(settings.get("signing.key").orElse(""), settings.get("signing.salt").orElse(""),
                settings.getInt("signing.size", DEFAULT_SIZE), settings.getBoolean("signing.allow-unsigned", false));
    }

    /**
     * @param hexKeys  comma-separated hex keys, may be empty (then only unsigned URLs can be allowed)
     * @param hexSalts comma-separated hex salts, as many as keys
     * @throws IllegalArgumentException naming the variable (never its value) when the lists are malformed
     */
    public static UrlSignatures of(String hexKeys, String hexSalts, int size, boolean allowUnsigned) {
        List<byte[]> keys = hexList(hexKeys, PicbedSettings.envName("signing.key"));
        List<byte[]> salts = hexList(hexSalts, PicbedSettings.envName("signing.salt"));
        if (keys.size() != salts.size()) {
            throw new IllegalArgumentException(PicbedSettings.envName("signing.key") + " and " + PicbedSettings.envName("signing.salt")
                    + " must list as many values (" + keys.size() + " keys, " + salts.size() + " salts)");
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            pairs.add(new Pair(keys.get(i), salts.get(i)));
        }
        return new UrlSignatures(pairs, size, allowUnsigned);
    }

    /** Whether a key is configured: signatures can be made and are checked. */
    public boolean enabled() {
        return !pairs.isEmpty();
    }

    /** Whether any signature segment is accepted ({@code unsafe}, {@code insecure}, anything). */
    public boolean allowsUnsigned() {
        return allowUnsigned;
    }

    /**
     * @param path what follows the signature segment, leading "/" included, exactly as received
     * @throws IllegalStateException when no key is configured
     */
    public String sign(String path) {
        if (pairs.isEmpty()) {
            throw new IllegalStateException("no signing key is configured (" + PicbedSettings.envName("signing.key") + ")");
        }
        return ENCODER.encodeToString(digest(pairs.get(0), path));
    }

    /** Whether the signature is valid for the path under some configured pair; never throws. */
    public boolean verify(String signature, String path) {
        if (allowUnsigned) {
            return true;
        }
        byte[] given = decode(signature);
        if (given == null || path == null) {
            return false;
        }
        boolean valid = false;
        for (Pair pair : pairs) {
            valid |= MessageDigest.isEqual(given, digest(pair, path));
        }
        return valid;
    }

    /** The signature's bytes, or null unless it is canonical unpadded base64url of exactly {@code size} bytes. */
    private byte[] decode(String signature) {
        if (signature == null || signature.length() != (size * 4 + 2) / 3 || !BASE64URL.matcher(signature).matches()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(signature);
            // the decoder ignores unused trailing bits: only one spelling per signature
            return bytes.length == size && ENCODER.encodeToString(bytes).equals(signature) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] digest(Pair pair, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pair.key(), "HmacSHA256"));
            mac.update(pair.salt());
            return Arrays.copyOf(mac.doFinal(path.getBytes(StandardCharsets.UTF_8)), size);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static List<byte[]> hexList(String text, String variable) {
        List<byte[]> values = new ArrayList<>();
        if (text.isBlank()) {
            return values;
        }
        String[] items = text.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            try {
                if (item.isEmpty() || item.length() % 2 != 0) {
                    throw new IllegalArgumentException();
                }
                values.add(HexFormat.of().parseHex(item));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(variable + ": value " + (i + 1) + " of " + items.length
                        + " is not a non-empty, even-length hex string");
            }
        }
        return values;
    }
}
