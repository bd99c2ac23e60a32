package org.picbed.server.cli;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs {@code /v/} paths exactly as the server checks them (ejb-module's {@code UrlSignatures}, imgproxy's scheme):
 * base64url without padding of HMAC-SHA256(key, salt + path), the path being what follows the signature segment,
 * leading "/" included, truncated to the first {@code size} bytes. With rotation ({@code PICBED_SIGNING_KEY} and
 * {@code PICBED_SIGNING_SALT} as comma-separated hex lists) the first pair signs, as the server does.
 */
public final class UrlSigner {

    public static final int DEFAULT_SIZE = 32;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final byte[] salt;
    private final int size;

    public UrlSigner(byte[] key, byte[] salt, int size) {
        if (size < 1 || size > DEFAULT_SIZE) {
            throw new CliException("PICBED_SIGNING_SIZE must be from 1 to 32 bytes");
        }
        this.key = key.clone();
        this.salt = salt.clone();
        this.size = size;
    }

    /** From hex lists (first pair signs) and a size; errors name the variable, never its value. */
    public static UrlSigner of(String hexKeys, String hexSalts, int size) {
        return new UrlSigner(firstHex(hexKeys, "PICBED_SIGNING_KEY"), firstHex(hexSalts, "PICBED_SIGNING_SALT"), size);
    }

    /** {@code PICBED_SIGNING_KEY}, {@code PICBED_SIGNING_SALT} and {@code PICBED_SIGNING_SIZE} (default 32). */
    public static UrlSigner fromEnv(Map<String, String> env) {
        String size = env.getOrDefault("PICBED_SIGNING_SIZE", "").trim();
        int bytes;
        try {
            bytes = size.isEmpty() ? DEFAULT_SIZE : Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw new CliException("PICBED_SIGNING_SIZE must be an integer, got '" + size + "'");
        }
        return of(env.getOrDefault("PICBED_SIGNING_KEY", ""), env.getOrDefault("PICBED_SIGNING_SALT", ""), bytes);
    }

    /** @param path what follows the signature segment, leading "/" included, exactly as it will be requested */
    public String sign(String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(salt);
            return ENCODER.encodeToString(Arrays.copyOf(mac.doFinal(path.getBytes(StandardCharsets.UTF_8)), size));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * The signed path of {@code ./picbed url <options> <file>}: {@code /<options>/<file>}, or {@code /<file>} when the
     * options are empty; one leading "/" of each is dropped (as the shell launcher always did).
     */
    public static String path(String options, String file) {
        String f = stripSlash(file);
        return options.isEmpty() ? "/" + f : "/" + stripSlash(options) + "/" + f;
    }

    private static String stripSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }

    private static byte[] firstHex(String list, String variable) {
        if (list == null || list.isBlank()) {
            throw new CliException(variable + " is not set (./picbed start generates one in $PICBED_HOME/secrets.env)");
        }
        String first = list.trim().split(",", -1)[0].trim();
        try {
            if (first.isEmpty() || first.length() % 2 != 0) {
                throw new IllegalArgumentException();
            }
            return HexFormat.of().parseHex(first);
        } catch (IllegalArgumentException e) {
            throw new CliException(variable + ": the first value is not a non-empty, even-length hex string");
        }
    }
}
