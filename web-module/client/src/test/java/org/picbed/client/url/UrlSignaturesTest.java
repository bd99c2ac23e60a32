package org.picbed.client.url;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picbed.client.PicbedSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlSignaturesTest {

    /** imgproxy's docs ("Signing a URL"): key "secret", salt "hello". */
    static final String DOCS_KEY = "736563726574";
    static final String DOCS_SALT = "68656C6C6F";
    static final String DOCS_PATH = "/rs:fill:300:400:0/g:sm/aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png";
    static final String DOCS_SIGNATURE = "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8";

    /** imgproxy's examples folder key and salt. */
    static final String EXAMPLE_KEY = "943b421c9eb07c830af81030552c86009268de4e532ba2ee2eab8247c6da0881";
    static final String EXAMPLE_SALT = "520f986b998545b4785e0defbc4f3c1203f22de2374a3d53cb7a7fe9fea309c5";

    /** imgproxy's own signature tests: "test-key"/"test-salt" and "test-key2"/"test-salt2", path "asd". */
    static final String TEST_KEYS = "746573742d6b6579,746573742d6b657932";
    static final String TEST_SALTS = "746573742d73616c74,746573742d73616c7432";

    private static PicbedSettings env(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return new PicbedSettings(env, new Properties());
    }

    @Test
    void reproducesTheImgproxyDocsExample() {
        UrlSignatures signatures = UrlSignatures.of(DOCS_KEY, DOCS_SALT, 32, false);
        assertEquals(DOCS_SIGNATURE, signatures.sign(DOCS_PATH));
        assertTrue(signatures.verify(DOCS_SIGNATURE, DOCS_PATH));
    }

    @Test
    void reproducesTheImgproxyExamplesVector() {
        UrlSignatures signatures = UrlSignatures.of(EXAMPLE_KEY, EXAMPLE_SALT, 32, false);
        assertEquals("m3k5QADfcKPDj-SDI2AIogZbC3FlAXszuwhtWXYqavc",
                signatures.sign("/rs:fit:300:300/plain/http://img.example.com/pretty/image.jpg"));
        // the same key/salt over the docs path (computed with openssl dgst -sha256 -mac HMAC)
        assertEquals("90UxdwGRAI2bpLSHKkZculJau5ahfxfS0h3fMuQAf40", signatures.sign(DOCS_PATH));
    }

    /**
     * The vectors the launcher's CLI is tested with too (server-config {@code UrlSignerTest} reads the same file), so
     * that {@code ./picbed url} and the server cannot drift apart.
     */
    @Test
    void signsTheSharedVectorsLikeTheLaunchersCli() throws IOException {
        List<String[]> vectors = sharedVectors();
        assertTrue(vectors.size() >= 5, "vectors in url-signatures/vectors.tsv: " + vectors.size());
        for (String[] v : vectors) {
            UrlSignatures signatures = UrlSignatures.of(v[0], v[1], Integer.parseInt(v[2]), false);
            assertEquals(v[4], signatures.sign(v[3]), "path " + v[3]);
            assertTrue(signatures.verify(v[4], v[3]), "path " + v[3]);
        }
    }

    /** {@code url-signatures/vectors.tsv}: keys, salts, size, path, signature; tab-separated, # comments. */
    static List<String[]> sharedVectors() throws IOException {
        try (InputStream in = UrlSignaturesTest.class.getResourceAsStream("/url-signatures/vectors.tsv")) {
            assertTrue(in != null, "url-signatures/vectors.tsv on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1)).toList();
        }
    }

    @Test
    void readsKeysFromConfiguration() {
        UrlSignatures signatures = UrlSignatures.from(env("PICBED_SIGNING_KEY", DOCS_KEY, "PICBED_SIGNING_SALT", DOCS_SALT));
        assertTrue(signatures.enabled());
        assertFalse(signatures.allowsUnsigned());
        assertTrue(signatures.verify(DOCS_SIGNATURE, DOCS_PATH));
    }

    @Test
    void rotationAcceptsEveryPairAndSignsWithTheFirst() {
        UrlSignatures both = UrlSignatures.from(env("PICBED_SIGNING_KEY", TEST_KEYS, "PICBED_SIGNING_SALT", TEST_SALTS));
        assertTrue(both.verify("dtLwhdnPPiu_epMl1LrzheLpvHas-4mwvY6L3Z8WwlY", "asd"));
        assertTrue(both.verify("jbDffNPt1-XBgDccsaE-XJB9lx8JIJqdeYIZKgOqZpg", "asd"), "pair 2");
        assertEquals("dtLwhdnPPiu_epMl1LrzheLpvHas-4mwvY6L3Z8WwlY", both.sign("asd"));

        UrlSignatures secondOnly = UrlSignatures.of("746573742d6b657932", "746573742d73616c7432", 32, false);
        String path = "/rs:fill:300:200/" + "ab".repeat(32) + ".jpg";
        assertTrue(both.verify(secondOnly.sign(path), path));
        UrlSignatures firstOnly = UrlSignatures.of("746573742d6b6579", "746573742d73616c74", 32, false);
        assertFalse(firstOnly.verify(secondOnly.sign(path), path), "a retired pair no longer verifies");
    }

    @Test
    void truncatedSignatures() {
        UrlSignatures truncated = UrlSignatures.of("746573742d6b6579", "746573742d73616c74", 8, false);
        assertEquals("dtLwhdnPPis", truncated.sign("asd"));
        assertTrue(truncated.verify("dtLwhdnPPis", "asd"));
        assertFalse(truncated.verify("dtLwhdnPPiu_epMl1LrzheLpvHas-4mwvY6L3Z8WwlY", "asd"));
        UrlSignatures full = UrlSignatures.of("746573742d6b6579", "746573742d73616c74", 32, false);
        assertFalse(full.verify("dtLwhdnPPis", "asd"));
        assertEquals("dtLwhdnPPis", UrlSignatures.from(env("PICBED_SIGNING_KEY", "746573742d6b6579",
                "PICBED_SIGNING_SALT", "746573742d73616c74", "PICBED_SIGNING_SIZE", "8")).sign("asd"));
    }

    @Test
    void tamperingFails() {
        UrlSignatures signatures = UrlSignatures.of(DOCS_KEY, DOCS_SALT, 32, false);
        assertFalse(signatures.verify("pKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8", DOCS_PATH));
        assertFalse(signatures.verify(DOCS_SIGNATURE, DOCS_PATH.replace("300", "301")));
        assertFalse(signatures.verify(DOCS_SIGNATURE, DOCS_PATH.substring(1)), "the leading / is signed");
        assertFalse(signatures.verify(DOCS_SIGNATURE, DOCS_PATH + "/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "unsafe", "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8=",
            "oKfUtW34Dvo2BGQehJFR4Nr0/rIjOtdtzJ3QFsUcXH8", "oKfUtW34Dvo2BGQehJFR4Nr0+rIjOtdtzJ3QFsUcXH8",
            "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH", "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8A",
            "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH9", "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUc%48"})
    void malformedOrNonCanonicalSignaturesAreInvalidNotErrors(String signature) {
        UrlSignatures signatures = UrlSignatures.of(DOCS_KEY, DOCS_SALT, 32, false);
        assertFalse(signatures.verify(signature, DOCS_PATH));
        assertFalse(signatures.verify(null, DOCS_PATH));
        assertFalse(signatures.verify(DOCS_SIGNATURE, null));
    }

    @Test
    void unsignedUrlsAreRefusedByDefault() {
        UrlSignatures none = UrlSignatures.from(env());
        assertFalse(none.enabled());
        assertFalse(none.allowsUnsigned());
        assertFalse(none.verify("unsafe", DOCS_PATH));
        assertFalse(none.verify("insecure", DOCS_PATH));
        assertFalse(none.verify(DOCS_SIGNATURE, DOCS_PATH), "no key: nothing verifies");
        assertThrows(IllegalStateException.class, () -> none.sign(DOCS_PATH));

        UrlSignatures keyed = UrlSignatures.of(DOCS_KEY, DOCS_SALT, 32, false);
        assertFalse(keyed.verify("unsafe", DOCS_PATH));
    }

    @Test
    void unsignedUrlsWhenAllowed() {
        UrlSignatures open = UrlSignatures.from(env("PICBED_SIGNING_ALLOW_UNSIGNED", "true"));
        assertTrue(open.allowsUnsigned());
        assertFalse(open.enabled());
        assertTrue(open.verify("unsafe", DOCS_PATH));
        assertTrue(open.verify("insecure", DOCS_PATH));
        assertTrue(open.verify("anything", DOCS_PATH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "zz", "73656372657", "7365,", ",7365", "7365 72"})
    void malformedKeysFailAtStartupWithoutShowingTheValue(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlSignatures.from(env("PICBED_SIGNING_KEY", key, "PICBED_SIGNING_SALT", "aa")));
        assertTrue(e.getMessage().contains("PICBED_SIGNING_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void malformedSaltsAndCountsFailAtStartup() {
        IllegalArgumentException salt = assertThrows(IllegalArgumentException.class,
                () -> UrlSignatures.from(env("PICBED_SIGNING_KEY", "aa", "PICBED_SIGNING_SALT", "secretsalt")));
        assertTrue(salt.getMessage().contains("PICBED_SIGNING_SALT"), salt.getMessage());
        assertFalse(salt.getMessage().contains("secretsalt"));
        assertThrows(IllegalArgumentException.class, () -> UrlSignatures.from(env("PICBED_SIGNING_KEY", "aa,bb",
                "PICBED_SIGNING_SALT", "cc")));
        assertThrows(IllegalArgumentException.class, () -> UrlSignatures.from(env("PICBED_SIGNING_KEY", "aa")),
                "a key without a salt");
        assertThrows(IllegalArgumentException.class, () -> UrlSignatures.of("aa", "bb", 0, false));
        assertThrows(IllegalArgumentException.class, () -> UrlSignatures.of("aa", "bb", 33, false));
    }
}
