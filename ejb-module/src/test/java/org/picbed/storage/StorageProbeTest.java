package org.picbed.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageProbeTest {

    @Test
    void probeCreatesTheDirectoryAndLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("a/b");
        assertTrue(StorageProbe.probe(dir) > 0);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void probeFailsOnAnUnwritableDirectory(@TempDir Path tmp) throws IOException {
        Path file = Files.createFile(tmp.resolve("not-a-dir"));
        assertThrows(IOException.class, () -> StorageProbe.probe(file));
    }
}
