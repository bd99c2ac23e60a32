package org.picbed.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Proves a directory can take a durable write: create, write, fsync, read back, delete. */
public final class StorageProbe {

    private StorageProbe() {
    }

    /** Returns the usable bytes left on the directory's file system; throws if a durable write fails. */
    public static long probe(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] marker = ("picbed-probe-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(marker));
                channel.force(true);
            }
            if (!java.util.Arrays.equals(marker, Files.readAllBytes(probe))) {
                throw new IOException("probe read back different bytes");
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        FileStore store = Files.getFileStore(dir);
        return store.getUsableSpace();
    }
}
