package org.picbed.variant.store;

import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.storage.file.FileReads;
import org.picbed.variant.spec.VariantKey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Variants as files under {@code variants/ab/cd/<image id>/<key digest>.<ext>} in the blob volume, next to
 * the originals. A variant is written to a temporary file in the same directory and renamed into place, so a
 * reader never sees a partial file; all of an image's variants go with one directory. Variants can always be
 * rendered again, so they are not fsynced (that wait is on the visitor's request): the one thing a crash can
 * leave, a renamed file whose data never reached the disk, is empty, and an empty file counts as missing.
 */
public class FileVariantStore implements VariantStore {

    private final Path root;

    public FileVariantStore(Path root) {
        this.root = root;
    }

    Path directoryOf(ImageId image) {
        String hex = image.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    Path pathOf(VariantKey key) {
        return directoryOf(key.image()).resolve(key.digest() + "." + key.format().extension());
    }

    @Override
    public Optional<StoredVariant> find(VariantKey key) throws IOException {
        Path path = pathOf(key);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() == 0) {
                Files.deleteIfExists(path);
                return Optional.empty();
            }
            byte[] bytes = FileReads.readFully(channel);
            boolean truncated = key.format() == ImageFormat.GIF && Files.exists(truncationMarker(path));
            return Optional.of(new StoredVariant(bytes, truncated));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean cheapToAsk() {
        return true;
    }

    @Override
    public void put(VariantKey key, byte[] bytes, boolean animationTruncated) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        if (animationTruncated) {
            Files.write(truncationMarker(target), new byte[0]);
        }
        Path part = Files.createTempFile(target.getParent(), ".render-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public boolean delete(VariantKey key) throws IOException {
        Path path = pathOf(key);
        Files.deleteIfExists(truncationMarker(path));
        return Files.deleteIfExists(path);
    }

    /** An empty file next to a GIF variant whose animation was cut to the first frame. */
    private static Path truncationMarker(Path variant) {
        return variant.resolveSibling(variant.getFileName() + ".truncated");
    }

    @Override
    public int deleteAll(ImageId image) throws IOException {
        Path dir = directoryOf(image);
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.deleteIfExists(file) && !name.startsWith(".") && !name.endsWith(".truncated")) {
                    count++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        Files.deleteIfExists(dir);
        return count;
    }

    @Override
    public int deleteEverything() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int count = 0;
        try (var shards = Files.list(root)) {
            for (Path shard : shards.toList()) {
                try (var subShards = Files.list(shard)) {
                    for (Path sub : subShards.toList()) {
                        try (var images = Files.list(sub)) {
                            for (Path image : images.toList()) {
                                ImageId id = ImageId.parse(image.getFileName().toString()).orElse(null);
                                if (id != null) {
                                    count += deleteAll(id);
                                }
                            }
                        }
                    }
                } catch (java.nio.file.NotDirectoryException e) {
                    // a stray file at the top: not a variant
                }
            }
        }
        return count;
    }
}
