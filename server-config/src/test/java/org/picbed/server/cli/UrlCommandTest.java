package org.picbed.server.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.picbed.client.url.UrlSignatures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./picbed url}: the server's signer (its vectors are checked by ejb-module's UrlSignaturesTest), the path, the errors. */
class UrlCommandTest {

    static final String DOCS_KEY = "736563726574";
    static final String DOCS_SALT = "68656C6C6F";

    @Test
    void thePathIsOptionsThenFileWithOneLeadingSlashDroppedFromEach() {
        assertEquals("/rs:fill:300:200/g:sm/ab.webp", UrlCommand.path("rs:fill:300:200/g:sm", "ab.webp"));
        assertEquals("/rs:fill:300:200/g:sm/ab.webp", UrlCommand.path("/rs:fill:300:200/g:sm", "/ab.webp"));
        assertEquals("/ab.webp", UrlCommand.path("", "ab.webp"));
        assertEquals("/ab.webp", UrlCommand.path("", "/ab.webp"));
        assertEquals("//x/ab.webp", UrlCommand.path("//x", "ab.webp"), "as the shell did: only one slash dropped");
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
        assertEquals("http://127.0.0.1:8480/v/" + UrlSignatures.of(DOCS_KEY, DOCS_SALT, 32, false).sign("/x.jpg") + "/x.jpg\n", withBase.out());

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

        FakePicbed.Run badSize = FakePicbed.cli(Map.of("PICBED_SIGNING_KEY", "aa", "PICBED_SIGNING_SALT", "bb",
                "PICBED_SIGNING_SIZE", "33"), "url", "g:sm", "x.jpg");
        assertEquals(1, badSize.exit());
        assertTrue(badSize.err().contains("PICBED_SIGNING_SIZE"), badSize.err());
    }
}
