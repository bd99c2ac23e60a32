package org.picbed.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys ({@code PICBED_API_KEYS}, comma-separated) and whether anonymous uploads are allowed
 * ({@code PICBED_ANONYMOUS_UPLOAD}). Keys are compared by their SHA-256 in constant time. The keys themselves are
 * kept too: each one signs the {@link UploadTokens upload tokens} it issues, so removing a key revokes them.
 * An upload token presented here, where an API key is expected, is refused (403 {@code token_not_allowed}): tokens
 * are good for file uploads only, through {@link UploadTokens#verify}.
 */
@ApplicationScoped
public class ApiKeys {

    private List<String> keys;
    private List<byte[]> keyHashes;
    private boolean anonymousUpload;

    public ApiKeys() {
    }

    public ApiKeys(Settings settings) {
        configure(settings);
    }

    @Inject
    void configure(Settings settings) {
        this.keys = Arrays.stream(settings.get("api-keys", "").split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
        this.keyHashes = keys.stream().map(ApiKeys::sha256).toList();
        this.anonymousUpload = settings.getBoolean("anonymous-upload", false);
    }

    /** The caller named by an {@code Authorization} header; 401 when it is missing or wrong (unless anonymous is allowed). */
    public Uploader authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            if (anonymousUpload) {
                return Uploader.ANONYMOUS;
            }
            throw unauthorized("an API key is required: Authorization: Bearer <key>");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw unauthorized("use Authorization: Bearer <key>");
        }
        if (UploadTokenCodec.looksLikeToken(parts[1])) {
            throw UploadTokens.notAllowed();
        }
        byte[] presented = sha256(parts[1]);
        boolean known = false;
        for (byte[] key : keyHashes) {
            known |= MessageDigest.isEqual(key, presented);
        }
        if (!known) {
            throw unauthorized("the API key is not valid");
        }
        return new Uploader(fingerprint(presented));
    }

    /** The configured key with this fingerprint (what an upload token names its signer by). */
    Optional<String> key(String fingerprint) {
        return keys.stream().filter(k -> MessageDigest.isEqual(fingerprint(sha256(k)).getBytes(StandardCharsets.US_ASCII),
                fingerprint.getBytes(StandardCharsets.US_ASCII))).findFirst();
    }

    /** The first configured key (it signs the tokens the admin asks for), if any is configured. */
    Optional<String> first() {
        return keys.stream().findFirst();
    }

    /** Hex of the first 8 bytes of the key's SHA-256: how a caller is named without naming its key. */
    static String fingerprint(String key) {
        return fingerprint(sha256(key));
    }

    private static String fingerprint(byte[] keyHash) {
        return HexFormat.of().formatHex(keyHash, 0, 8);
    }

    public Optional<Uploader> authenticateIfPresent(String authorization) {
        return authorization == null || authorization.isBlank() ? Optional.empty() : Optional.of(authenticate(authorization));
    }

    private static PicbedException unauthorized(String detail) {
        return new PicbedException(401, "unauthorized", detail);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
