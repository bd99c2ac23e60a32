package org.picbed.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagingSweeperTest {

    @Test
    void onlyAbandonedStagedUploadsGo(@TempDir Path dir) throws Exception {
        Path old = Files.createFile(dir.resolve("upload-1.part"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
        Path fresh = Files.createFile(dir.resolve("upload-2.part"));
        Path other = Files.createFile(dir.resolve("keep.txt"));
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minusSeconds(7200)));

        assertEquals(1, StagingSweeper.sweep(dir, "upload-*.part", Instant.now().minus(StagingSweeper.ABANDONED_AFTER)));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(other));
    }
}
