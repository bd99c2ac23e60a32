package org.picbed.image;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/** Idempotency-Key support: the first answer to a (caller, key) pair is kept and replayed to retries. */
@Stateless
public class Idempotency {

    public static final int MAX_KEY_LENGTH = 128;

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    public static String requireValidKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new PicbedException(400, "invalid_idempotency_key", "Idempotency-Key must be 1-" + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        return key;
    }

    public Optional<IdempotentResponse> find(Uploader uploader, String key) {
        return Optional.ofNullable(em.find(IdempotentResponse.class, requestKey(uploader, key)));
    }

    /** Keeps the answer unless a concurrent request with the same key kept one first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remember(Uploader uploader, String key, int status, String body) {
        String requestKey = requestKey(uploader, key);
        if (em.find(IdempotentResponse.class, requestKey) == null) {
            em.persist(new IdempotentResponse(requestKey, status, body, Instant.now()));
        }
    }

    static String requestKey(Uploader uploader, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((uploader.fingerprint() + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
