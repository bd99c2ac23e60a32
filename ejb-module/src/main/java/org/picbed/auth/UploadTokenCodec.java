package org.picbed.auth;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Upload tokens on the wire, without a container: {@code pbt1.<base64url(payload JSON)>.<base64url(HMAC-SHA256)>}.
 * The payload is {@code {"id", "kid", "exp", "max_files", "max_bytes", "formats", "single_use"}} ({@code kid}: the
 * signing key's {@link ApiKeys#fingerprint fingerprint}, {@code exp}: epoch seconds). The MAC covers
 * {@code pbt1.<payload>} under a key derived from the API key, HMAC-SHA256(api key, "picbed upload token v1"), so
 * nothing new is provisioned and removing the API key revokes every token it signed. Verified in constant time.
 */
public final class UploadTokenCodec {

    static final String PREFIX = "pbt1.";
    public static final long DEFAULT_EXPIRES_IN = 900;
    public static final long MAX_EXPIRES_IN = Duration.ofDays(7).toSeconds();
    private static final byte[] CONTEXT = "picbed upload token v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_TOKEN_CHARS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Clock clock;

    public UploadTokenCodec(Clock clock) {
        this.clock = clock;
    }

    /** Whether this credential is an upload token (not an API key); says nothing about its validity. */
    public static boolean looksLikeToken(String credential) {
        return credential != null && credential.startsWith(PREFIX);
    }

    /** A new token with a random 128-bit id, expiring {@code expiresIn} seconds from now (null: 900; at most 7 days). */
    public UploadToken create(String apiKey, Long expiresIn, UploadScope scope) {
        long seconds = expiresIn == null ? DEFAULT_EXPIRES_IN : expiresIn;
        if (seconds < 1 || seconds > MAX_EXPIRES_IN) {
            throw UploadScope.invalid("expires_in is a whole number of seconds, 1 to " + MAX_EXPIRES_IN + " (7 days)");
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        Instant expires = clock.instant().plusSeconds(seconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new UploadToken(ENCODER.encodeToString(id), ApiKeys.fingerprint(apiKey), expires, scope);
    }

    /** The token's text, signed with {@code apiKey} (the key its fingerprint names). */
    public String sign(UploadToken token, String apiKey) {
        JsonArrayBuilder formats = Json.createArrayBuilder();
        token.scope().formatKeys().forEach(formats::add);
        String payload = Json.createObjectBuilder()
                .add("id", token.id())
                .add("kid", token.keyFingerprint())
                .add("exp", token.expiresAt().getEpochSecond())
                .add("max_files", token.scope().maxFiles())
                .add("max_bytes", token.scope().maxBytes())
                .add("formats", formats)
                .add("single_use", token.scope().singleUse())
                .build().toString();
        String signed = PREFIX + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(mac(apiKey, signed));
    }

    /**
     * The token this text is, when a configured key ({@code keys}: fingerprint to key) signed it and it has not
     * expired. 401 {@code unauthorized} for anything malformed, forged or signed by an unknown key; 401
     * {@code token_expired} for a genuine token past its time.
     */
    public UploadToken verify(String text, Function<String, Optional<String>> keys) {
        if (!looksLikeToken(text) || text.length() > MAX_TOKEN_CHARS) {
            throw invalid();
        }
        int dot = text.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            throw invalid();
        }
        String signed = text.substring(0, dot);
        JsonObject payload;
        byte[] signature;
        try {
            signature = DECODER.decode(text.substring(dot + 1));
            String json = new String(DECODER.decode(signed.substring(PREFIX.length())), StandardCharsets.UTF_8);
            try (var reader = Json.createReader(new StringReader(json))) {
                payload = reader.readObject();
            }
        } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
            throw invalid();
        }
        if (!(payload.get("kid") instanceof JsonString kid)) {
            throw invalid();
        }
        String key = keys.apply(kid.getString()).orElseThrow(UploadTokenCodec::invalid);
        if (!MessageDigest.isEqual(mac(key, signed), signature)) {
            throw invalid();
        }
        UploadToken token = read(payload, kid.getString());
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw new PicbedException(401, "token_expired", "the upload token has expired; ask for a new one");
        }
        return token;
    }

    /** A signed payload is ours, but still read defensively. */
    private static UploadToken read(JsonObject payload, String kid) {
        try {
            Set<ImageFormat> formats = EnumSet.noneOf(ImageFormat.class);
            for (JsonValue format : payload.getJsonArray("formats")) {
                formats.add(ImageFormat.fromKey(((JsonString) format).getString()).orElseThrow(UploadTokenCodec::invalid));
            }
            UploadScope scope = new UploadScope(number(payload, "max_files").intValueExact(),
                    number(payload, "max_bytes").longValueExact(), formats, payload.getBoolean("single_use"));
            return new UploadToken(payload.getString("id"), kid, Instant.ofEpochSecond(number(payload, "exp").longValueExact()), scope);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static JsonNumber number(JsonObject payload, String name) {
        return payload.getJsonNumber(name);
    }

    /** HMAC-SHA256 of {@code data} under the key derived from the API key. */
    private static byte[] mac(String apiKey, String data) {
        byte[] derived = hmac(apiKey.getBytes(StandardCharsets.UTF_8), CONTEXT);
        return hmac(derived, data.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PicbedException invalid() {
        return new PicbedException(401, "unauthorized", "the upload token is not valid");
    }
}
