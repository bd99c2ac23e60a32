package org.picbed.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;
import org.picbed.image.format.ImageLimits;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Upload tokens for browsers: an API key holder (or the logged-in operator, with the first configured key) issues a
 * short-lived, scoped token that a browser can hold without ever seeing the key. Tokens are signed
 * ({@link UploadTokenCodec}); the only shared state is their use ({@code upload_token_use}), counted across nodes:
 * {@link #claim} for each request, {@link #countFile} for each file, each in its own transaction so the count stands
 * whatever becomes of the upload.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UploadTokens {

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Settings settings;

    private final Clock clock = Clock.systemUTC();
    private final UploadTokenCodec codec = new UploadTokenCodec(clock);

    /** A token and its text, as issued. */
    public record Issued(String text, UploadToken token) {
    }

    /** The scope asked for ({@code null}: default), within this server's limits; 400 otherwise. */
    public UploadScope scope(Integer maxFiles, Long maxBytes, List<String> formats, Boolean singleUse) {
        return UploadScope.of(maxFiles, maxBytes, formats, singleUse, ImageLimits.from(settings).maxBytes());
    }

    /** A token signed by the API key that {@code issuer} authenticated with. */
    public Issued issue(Uploader issuer, Long expiresIn, UploadScope scope) {
        String key = apiKeys.key(issuer.fingerprint())
                .orElseThrow(() -> new PicbedException(403, "forbidden", "only an API key can issue upload tokens"));
        return issue(key, expiresIn, scope);
    }

    /** A token for the operator's upload page, signed by the first configured API key; 409 when there is none. */
    public Issued issueForOperator(Long expiresIn, UploadScope scope) {
        String key = apiKeys.first().orElseThrow(() -> new PicbedException(409, "no_api_key",
                "upload tokens are signed by an API key: configure PICBED_API_KEYS"));
        return issue(key, expiresIn, scope);
    }

    private Issued issue(String key, Long expiresIn, UploadScope scope) {
        UploadToken token = codec.create(key, expiresIn, scope);
        return new Issued(codec.sign(token, key), token);
    }

    /** Whether this Authorization header carries an upload token (valid or not) rather than an API key. */
    public static boolean presented(String authorization) {
        return credential(authorization).filter(UploadTokenCodec::looksLikeToken).isPresent();
    }

    /** The token in an {@code Authorization: Bearer <token>} header: 401 unless genuine and unexpired. */
    public UploadToken verify(String authorization) {
        return codec.verify(credential(authorization).orElse(""), apiKeys::key);
    }

    /**
     * One request made with the token, counted before its files are read. A single-use token's first request
     * inserts its row; any later one, or one racing it on another node (the primary key), is refused with 403
     * {@code token_used}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void claim(UploadToken token) {
        Instant now = clock.instant();
        if (token.scope().singleUse()) {
            if (em.find(UploadTokenUse.class, token.id()) != null) {
                throw used();
            }
            try {
                em.persist(new UploadTokenUse(token.id(), now));
                em.flush();
            } catch (PersistenceException e) {
                throw used();
            }
            return;
        }
        em.createNativeQuery("INSERT INTO upload_token_use (token_id, requests, files, first_used_at, last_used_at)"
                        + " VALUES (?1, 1, 0, ?2, ?2) ON DUPLICATE KEY UPDATE requests = requests + 1, last_used_at = ?2")
                .setParameter(1, token.id()).setParameter(2, now).executeUpdate();
    }

    /**
     * One file of a {@link #claim claimed} request, counted before it is read (an attempt counts like a stored
     * file); 403 {@code token_scope} once the token's {@code max_files} are used up.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void countFile(UploadToken token) {
        int counted = em.createQuery("update UploadTokenUse u set u.files = u.files + 1, u.lastUsedAt = :now"
                        + " where u.tokenId = :id and u.files < :max")
                .setParameter("now", clock.instant()).setParameter("id", token.id())
                .setParameter("max", token.scope().maxFiles()).executeUpdate();
        if (counted == 0) {
            throw new PicbedException(403, "token_scope",
                    "this upload token allows " + token.scope().maxFiles() + " files, and they are used up");
        }
    }

    /** How far a token has been used, if at all. */
    public Optional<UploadTokenUse> use(String tokenId) {
        return Optional.ofNullable(em.find(UploadTokenUse.class, tokenId));
    }

    /** 403 for a token where only an API key will do (anything but a file upload). */
    public static PicbedException notAllowed() {
        return new PicbedException(403, "token_not_allowed",
                "upload tokens are good for file uploads (POST /api/images) only; this needs an API key");
    }

    private static PicbedException used() {
        return new PicbedException(403, "token_used", "this single-use upload token has been used already");
    }

    private static Optional<String> credential(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") ? Optional.of(parts[1]) : Optional.empty();
    }
}
