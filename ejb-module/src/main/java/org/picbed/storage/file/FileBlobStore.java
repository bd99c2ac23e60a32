package org.picbed.storage.file;

import org.picbed.image.ImageId;
import org.picbed.storage.BlobStore;
import org.picbed.storage.ExactLengthInputStream;
import org.picbed.storage.StagingArea;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under the blob directory, sharded as {@code ab/cd/<id>}. A blob is staged in {@code tmp/}
 * ({@link StagingArea}: hashed in the same pass, fsynced), then hard-linked to its final name (which fails if the
 * name exists, so a blob is never overwritten), and the directory is fsynced: an acknowledged blob survives a crash.
 */
public class FileBlobStore implements BlobStore {

    private final Path root;
    private final StagingArea staging;

    public FileBlobStore(Path root) {
        this(root, new StagingArea(root.resolve("tmp")));
    }

    public FileBlobStore(Path root, StagingArea staging) {
        this.root = root;
        this.staging = staging;
    }

    public Path root() {
        return root;
    }

    /** Where a blob's file is (the scrubber quarantines from here; tests corrupt it). */
    public Path pathOf(ImageId id) {
        String hex = id.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    @Override
    public BlobWriter create() throws IOException {
        return staging.stage(this::link);
    }

    private boolean link(ImageId id, Path staged, long size) throws IOException {
        Path target = pathOf(id);
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, staged);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        fsync(target.getParent());
        return true;
    }

    @Override
    public Optional<Blob> find(ImageId id) throws IOException {
        Path path = pathOf(id);
        try {
            long size = Files.size(path);
            return Optional.of(new FileBlob(path, size));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(ImageId id) throws IOException {
        Path path = pathOf(id);
        boolean existed = Files.deleteIfExists(path);
        if (existed) {
            fsync(path.getParent());
        }
        return existed;
    }

    @Override
    public boolean quarantine(ImageId id) throws IOException {
        Path path = pathOf(id);
        Path quarantine = root.resolve("quarantine");
        Files.createDirectories(quarantine);
        try {
            Files.move(path, quarantine.resolve(id.hex() + "-" + System.currentTimeMillis()), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        }
        fsync(path.getParent());
        return true;
    }

    @Override
    public Stream<ImageId> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        // ab/cd/<id>: three levels; tmp/, batch/, quarantine/ and variants/ hold no 64-hex names at the third level
        return Files.find(root, 3, (path, attributes) -> attributes.isRegularFile() && path.getNameCount() == root.getNameCount() + 3)
                .map(path -> ImageId.parse(path.getFileName().toString()))
                .flatMap(Optional::stream)
                .filter(id -> pathOf(id).getParent().getParent().getParent().equals(root));
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private static void fsync(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private record FileBlob(Path path, long size) implements Blob {
        @Override
        public InputStream open(long start, long length) throws IOException {
            return openRange(path, size, start, length);
        }
    }

    /** {@code length} bytes of a file from {@code start}, failing (not ending early) if the file is shorter. */
    public static InputStream openRange(Path path, long size, long start, long length) throws IOException {
        if (start < 0 || length < 0 || start + length > size) {
            throw new IOException("range outside the blob");
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ).position(start);
        return new ExactLengthInputStream(Channels.newInputStream(channel), length);
    }
}
