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
 * ({@code PICBED_ANONYMOUS_UPLOAD}). Keys are compared by their SHA-256 in constant time.
 */
@ApplicationScoped
public class ApiKeys {

    private List<byte[]> keyHashes;
    private boolean anonymousUpload;

    public ApiKeys() {
    }

    public ApiKeys(Settings settings) {
        configure(settings);
    }

    @Inject
    void configure(Settings settings) {
        this.keyHashes = Arrays.stream(settings.get("api-keys", "").split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).map(ApiKeys::sha256).toList();
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
        byte[] presented = sha256(parts[1]);
        boolean known = false;
        for (byte[] key : keyHashes) {
            known |= MessageDigest.isEqual(key, presented);
        }
        if (!known) {
            throw unauthorized("the API key is not valid");
        }
        return new Uploader(HexFormat.of().formatHex(presented, 0, 8));
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
