package org.picbed.storage.file;

import org.picbed.storage.BlobStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picbed.image.ImageId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesUnderTheSha256OfTheBytesShardedAndLeavesNoTempFile() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        byte[] bytes = "hello blob".getBytes(StandardCharsets.UTF_8);
        BlobStore.Stored stored;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.output().write(bytes);
            stored = writer.store();
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(sha, stored.id().hex());
        assertTrue(stored.created());
        Path expected = root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertArrayEquals(bytes, Files.readAllBytes(expected));
        assertEquals(0, count(root.resolve("tmp")));
    }

    @Test
    void identicalBytesAreStoredOnceAndNeverOverwritten() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobStore.Stored first = write(store, "same");
        Path path = store.pathOf(first.id());
        long inode = (long) Files.getAttribute(path, "unix:ino");
        BlobStore.Stored second = write(store, "same");
        assertEquals(first.id(), second.id());
        assertFalse(second.created());
        assertEquals(inode, (long) Files.getAttribute(path, "unix:ino"));
    }

    @Test
    void aBlobIsReadFromAnyOffsetAndAShortFileFailsInsteadOfEndingEarly() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobStore.Stored stored = write(store, "0123456789");
        BlobStore.Blob blob = store.find(stored.id()).orElseThrow();
        try (var in = blob.open(3, 4)) {
            assertArrayEquals("3456".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertArrayEquals("012".getBytes(StandardCharsets.UTF_8), blob.head(3));
        Files.write(store.pathOf(stored.id()), "01234".getBytes(StandardCharsets.UTF_8));   // cut short behind the store's back
        try (var in = blob.open(0, 10)) {
            org.junit.jupiter.api.Assertions.assertThrows(java.io.EOFException.class, in::readAllBytes);
        }
    }

    @Test
    void quarantineMovesTheBlobAsideAndListingSeesOnlyStoredBlobs() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobStore.Stored a = write(store, "a");
        BlobStore.Stored b = write(store, "b");
        try (Stream<ImageId> ids = store.list()) {
            assertEquals(java.util.Set.of(a.id(), b.id()), ids.collect(java.util.stream.Collectors.toSet()));
        }
        assertTrue(store.quarantine(a.id()));
        assertFalse(store.quarantine(a.id()), "already gone");
        assertTrue(store.find(a.id()).isEmpty());
        assertEquals(1, count(root.resolve("quarantine")));
        try (Stream<ImageId> ids = store.list()) {
            assertEquals(java.util.List.of(b.id()), ids.toList(), "quarantined copies are not blobs");
        }
    }

    @Test
    void closingWithoutStoringLeavesNothing() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.output().write(new byte[1000]);
        }
        assertEquals(0, count(root.resolve("tmp")));
        try (Stream<Path> all = Files.walk(root)) {
            assertEquals(0, all.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void largeBlobsWrittenInOddChunksArriveExactly() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        java.util.Random random = new java.util.Random(3);
        for (int length : new int[] {1, 4095, 4096, 4097, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 2_621_563}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            BlobStore.Stored stored;
            try (BlobStore.BlobWriter writer = store.create()) {
                for (int off = 0; off < length; ) {
                    int n = Math.min(length - off, 1 + random.nextInt(70_000));
                    writer.output().write(bytes, off, n);
                    off += n;
                }
                stored = writer.store();
            }
            assertEquals(length, stored.size());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), stored.id().hex());
            assertArrayEquals(bytes, Files.readAllBytes(store.pathOf(stored.id())), "length " + length);
        }
        assertEquals(0, count(root.resolve("tmp")));
    }

    @Test
    void deleteRemovesTheBlob() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        ImageId id = write(store, "gone").id();
        assertTrue(store.find(id).isPresent());
        assertTrue(store.delete(id));
        assertTrue(store.find(id).isEmpty());
        assertFalse(store.delete(id));
    }

    private static BlobStore.Stored write(FileBlobStore store, String content) throws IOException {
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.output().write(content.getBytes(StandardCharsets.UTF_8));
            return writer.store();
        }
    }

    private static long count(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
