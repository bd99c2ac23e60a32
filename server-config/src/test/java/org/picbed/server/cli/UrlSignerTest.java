package org.picbed.server.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlSignerTest {

    /**
     * The server's own test vectors (ejb-module's UrlSignaturesTest reads the same file): {@code ./picbed url} must
     * sign byte-identically to what {@code UrlSignatures} verifies.
     */
    static final Path SHARED_VECTORS = Path.of(System.getProperty("basedir", "."))
            .resolve("../ejb-module/src/test/resources/url-signatures/vectors.tsv").normalize();

    static final String DOCS_KEY = "736563726574";
    static final String DOCS_SALT = "68656C6C6F";

    @Test
    void signsTheServersVectors() throws IOException {
        List<String[]> vectors = Files.readAllLines(SHARED_VECTORS, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t", -1)).toList();
        assertTrue(vectors.size() >= 5, SHARED_VECTORS + ": " + vectors.size() + " vectors");
        for (String[] v : vectors) {
            assertEquals(5, v.length, String.join("|", v));
            assertEquals(v[4], UrlSigner.of(v[0], v[1], Integer.parseInt(v[2])).sign(v[3]), "path " + v[3]);
        }
    }

    @Test
    void thePathIsOptionsThenFileWithOneLeadingSlashDroppedFromEach() {
        assertEquals("/rs:fill:300:200/g:sm/ab.webp", UrlSigner.path("rs:fill:300:200/g:sm", "ab.webp"));
        assertEquals("/rs:fill:300:200/g:sm/ab.webp", UrlSigner.path("/rs:fill:300:200/g:sm", "/ab.webp"));
        assertEquals("/ab.webp", UrlSigner.path("", "ab.webp"));
        assertEquals("/ab.webp", UrlSigner.path("", "/ab.webp"));
        assertEquals("//x/ab.webp", UrlSigner.path("//x", "ab.webp"), "as the shell did: only one slash dropped");
    }

    @Test
    void urlPrintsTheSignedUrlOnTheBaseFromPublicUrlOrTheOption() {
        Map<String, String> env = Map.of("PICBED_SIGNING_KEY", DOCS_KEY + ",aa", "PICBED_SIGNING_SALT", DOCS_SALT + ",bb",
                "PICBED_PUBLIC_URL", "https://img.example.com");
        String path = "/rs:fill:300:400:0/g:sm/aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png";
        FakePicbed.Run run = FakePicbed.cli(env, "url", "rs:fill:300:400:0/g:sm", "aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png");
        assertEquals(0, run.exit(), run.err());
        assertEquals("https://img.example.com/v/oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8" + path + "\n", run.out());

        FakePicbed.Run withBase = FakePicbed.cli(env, "url", "--base", "http://127.0.0.1:8480", "", "x.jpg");
        assertEquals("http://127.0.0.1:8480/v/" + UrlSigner.of(DOCS_KEY, DOCS_SALT, 32).sign("/x.jpg") + "/x.jpg\n", withBase.out());

        FakePicbed.Run offset = FakePicbed.cli(Map.of("PICBED_SIGNING_KEY", DOCS_KEY, "PICBED_SIGNING_SALT", DOCS_SALT,
                "PICBED_PORT_OFFSET", "100", "PICBED_SIGNING_SIZE", "8"), "url", "g:sm", "x.jpg");
        assertTrue(offset.out().startsWith("http://127.0.0.1:8180/v/"), offset.out());
        assertEquals(11, offset.out().split("/")[4].length(), "PICBED_SIGNING_SIZE=8: 11 characters, as the server expects");
    }

    @Test
    void usageAndKeyErrorsExitOneWithoutShowingSecrets() {
        FakePicbed.Run oneArgument = FakePicbed.cli(Map.of(), "url", "x.jpg");
        assertEquals(1, oneArgument.exit());
        assertTrue(oneArgument.err().startsWith("picbed: ") && oneArgument.err().contains("usage: ./picbed url"), oneArgument.err());

        FakePicbed.Run noKey = FakePicbed.cli(Map.of(), "url", "g:sm", "x.jpg");
        assertEquals(1, noKey.exit());
        assertTrue(noKey.err().contains("PICBED_SIGNING_KEY is not set"), noKey.err());

        FakePicbed.Run badKey = FakePicbed.cli(Map.of("PICBED_SIGNING_KEY", "secretzz", "PICBED_SIGNING_SALT", "aa"), "url", "g:sm", "x.jpg");
        assertEquals(1, badKey.exit());
        assertTrue(badKey.err().contains("PICBED_SIGNING_KEY"), badKey.err());
        assertFalse(badKey.err().contains("secretzz"), badKey.err());

        assertThrows(CliException.class, () -> UrlSigner.of("aa", "bb", 33));
        assertThrows(CliException.class, () -> UrlSigner.of("aa", "bb", 0));
    }
}
