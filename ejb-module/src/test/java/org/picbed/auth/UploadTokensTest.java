package org.picbed.auth;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.picbed.config.Settings;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upload tokens without a container: signing, verifying, what a tampered or stale token gets, and the scope rules. */
class UploadTokensTest {

    private static final String KEY = "test-key-one";
    private static final String OTHER_KEY = "test-key-two";
    private static final long SERVER_MAX = 25L * 1024 * 1024;

    private final LoginThrottleTest.Hand clock = new LoginThrottleTest.Hand();
    private final UploadTokenCodec codec = new UploadTokenCodec(clock);
    private final ApiKeys keys = apiKeys(KEY + "," + OTHER_KEY);

    private static ApiKeys apiKeys(String configured) {
        return new ApiKeys(new Settings(Map.of("PICBED_API_KEYS", configured), new Properties()));
    }

    private static UploadScope defaults() {
        return UploadScope.of(null, null, null, null, SERVER_MAX);
    }

    private String issue(String key, Long expiresIn, UploadScope scope) {
        return codec.sign(codec.create(key, expiresIn, scope), key);
    }

    @Test
    void aTokenVerifiesToWhatWasIssuedAndUploadsAsItsKey() {
        UploadScope scope = UploadScope.of(3, 1000L, List.of("png", "jpeg"), true, SERVER_MAX);
        UploadToken issued = codec.create(KEY, 60L, scope);
        String text = codec.sign(issued, KEY);

        assertTrue(text.startsWith("pbt1.") && text.split("\\.").length == 3, text);
        UploadToken verified = codec.verify(text, keys::key);
        assertEquals(issued, verified);
        assertEquals(keys.authenticate("Bearer " + KEY), verified.uploader(), "the issuing key's uploader");
        assertEquals(22, verified.id().length(), "128 random bits, base64url");
        assertEquals(clock.instant().plusSeconds(60), verified.expiresAt());
        assertEquals(EnumSet.of(ImageFormat.PNG, ImageFormat.JPEG), verified.scope().formats());

        JsonObject payload = payload(text);
        assertEquals(ApiKeys.fingerprint(KEY), payload.getString("kid"));
        assertEquals(List.of("jpeg", "png"), payload.getJsonArray("formats").getValuesAs(j -> ((jakarta.json.JsonString) j).getString()));
        assertEquals(3, payload.getInt("max_files"));
        assertTrue(payload.getBoolean("single_use"));
        assertFalse(text.contains(KEY), "the key is never in the token");

        assertFalse(codec.create(KEY, 60L, scope).id().equals(issued.id()), "every token its own id");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String text = issue(KEY, null, UploadScope.of(1, null, null, null, SERVER_MAX));
        String[] parts = text.split("\\.");
        String widened = payload(text).toString().replace("\"max_files\":1", "\"max_files\":1000");
        assertTrue(widened.contains("1000"), widened);
        String forged = parts[0] + "." + b64(widened) + "." + parts[2];
        assertUnauthorized(forged);
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String text = issue(KEY, null, defaults());
        char last = text.charAt(text.length() - 2);
        assertUnauthorized(text.substring(0, text.length() - 2) + (last == 'A' ? 'B' : 'A') + text.charAt(text.length() - 1));
        assertUnauthorized(text.substring(0, text.lastIndexOf('.') + 1));
        assertUnauthorized(text.substring(0, text.lastIndexOf('.')));
    }

    @Test
    void onlyTheIssuingKeyVerifiesAndRemovingItRevokes() {
        String text = issue(KEY, null, defaults());
        // another configured key under the same name does not verify it
        assertUnauthorized(text, fingerprint -> Optional.of(OTHER_KEY));
        // the issuing key removed from PICBED_API_KEYS: unknown signer
        ApiKeys withoutIt = apiKeys(OTHER_KEY);
        assertUnauthorized(text, withoutIt::key);
        // a token signed with a key the server never had
        assertUnauthorized(issue("not-configured", null, defaults()), keys::key);
        assertEquals(ApiKeys.fingerprint(OTHER_KEY), codec.verify(issue(OTHER_KEY, null, defaults()), keys::key).keyFingerprint());
    }

    @Test
    void anExpiredTokenIsTokenExpiredAndAForgedOneStaysUnauthorized() {
        String text = issue(KEY, 900L, defaults());
        clock.advance(Duration.ofSeconds(899));
        codec.verify(text, keys::key);
        clock.advance(Duration.ofSeconds(1));
        PicbedException expired = assertThrows(PicbedException.class, () -> codec.verify(text, keys::key));
        assertEquals(401, expired.status());
        assertEquals("token_expired", expired.code());
        assertUnauthorized(text, withoutKeys -> Optional.empty());
    }

    @Test
    void malformedTokensAreUnauthorized() {
        for (String junk : new String[] {"", "pbt1.", "pbt1..", "pbt1.a.b", "pbt1.!!!.???", "pbt2." + b64("{}") + ".AAAA",
                "pbt1." + b64("[]") + ".AAAA", "pbt1." + b64("{\"kid\":1}") + ".AAAA", "pbt1." + "A".repeat(5000)}) {
            assertUnauthorized(junk);
        }
    }

    @Test
    void apiKeyCallersRefuseTokensAsNotAllowed() {
        String text = issue(KEY, null, defaults());
        PicbedException refused = assertThrows(PicbedException.class, () -> keys.authenticate("Bearer " + text));
        assertEquals(403, refused.status());
        assertEquals("token_not_allowed", refused.code());
        assertTrue(UploadTokens.presented("Bearer " + text));
        assertFalse(UploadTokens.presented("Bearer " + KEY));
        assertFalse(UploadTokens.presented(null));
    }

    @Test
    void scopeDefaultsAreSafe() {
        UploadScope scope = defaults();
        assertEquals(20, scope.maxFiles());
        assertEquals(SERVER_MAX, scope.maxBytes(), "the server's per-file limit");
        assertEquals(EnumSet.allOf(ImageFormat.class), scope.formats());
        assertFalse(scope.singleUse());
        UploadToken token = codec.create(KEY, null, scope);
        assertEquals(clock.instant().plusSeconds(900), token.expiresAt(), "15 minutes");
    }

    @Test
    void scopeCapsAreEnforced() {
        assertInvalid(() -> UploadScope.of(null, SERVER_MAX + 1, null, null, SERVER_MAX));
        assertInvalid(() -> UploadScope.of(null, 0L, null, null, SERVER_MAX));
        assertInvalid(() -> UploadScope.of(0, null, null, null, SERVER_MAX));
        assertInvalid(() -> UploadScope.of(UploadScope.MAX_FILES + 1, null, null, null, SERVER_MAX));
        assertInvalid(() -> UploadScope.of(null, null, List.of(), null, SERVER_MAX));
        assertInvalid(() -> UploadScope.of(null, null, List.of("jpeg", "svg"), null, SERVER_MAX));
        assertInvalid(() -> UploadScope.of(null, null, List.of("JPEG"), null, SERVER_MAX));
        assertInvalid(() -> codec.create(KEY, 604_801L, defaults()));
        assertInvalid(() -> codec.create(KEY, 0L, defaults()));
        assertEquals(clock.instant().plusSeconds(604_800), codec.create(KEY, 604_800L, defaults()).expiresAt(), "7 days at most");
        assertEquals(SERVER_MAX, UploadScope.of(null, SERVER_MAX, null, null, SERVER_MAX).maxBytes());
        assertEquals(Set.of(ImageFormat.GIF), UploadScope.of(1, 1L, List.of("gif"), false, SERVER_MAX).formats());
    }

    private void assertUnauthorized(String text) {
        assertUnauthorized(text, keys::key);
    }

    private void assertUnauthorized(String text, java.util.function.Function<String, Optional<String>> keys) {
        PicbedException refused = assertThrows(PicbedException.class, () -> codec.verify(text, keys), text);
        assertEquals(401, refused.status(), text);
        assertEquals("unauthorized", refused.code(), text);
    }

    private static void assertInvalid(Runnable call) {
        PicbedException refused = assertThrows(PicbedException.class, call::run);
        assertEquals(400, refused.status());
        assertEquals("invalid_request", refused.code());
    }

    private static JsonObject payload(String text) {
        String json = new String(Base64.getUrlDecoder().decode(text.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
