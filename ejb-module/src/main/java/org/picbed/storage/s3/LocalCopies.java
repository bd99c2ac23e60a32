package org.picbed.storage.s3;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.picbed.image.ImageId;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Originals kept on this node's local disk in front of the bucket, within a byte budget, least recently used out
 * first: an upload's staged file stays here after the bucket acknowledged it (its eager renders and first views
 * read it without a GET), and a whole original read from the bucket for a render is kept too. A copy is only ever
 * of bytes the bucket holds under that id; deletes and purges, which reach every node, drop it. The directory is
 * emptied at start (a node that was down may have missed deletes).
 */
final class LocalCopies {

    private static final Logger LOG = Logger.getLogger(LocalCopies.class.getName());

    private final Path dir;
    private final Cache<ImageId, Long> sizes;

    /** A budget of {@code megabytes} (entries are weighed in kilobytes). */
    LocalCopies(Path dir, long megabytes) {
        this.dir = dir;
        wipe(dir);
        this.sizes = Caffeine.newBuilder()
                .maximumWeight(megabytes << 10)
                .weigher((ImageId id, Long size) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1, size >> 10)))
                .executor(Runnable::run)
                .removalListener((ImageId id, Long size, RemovalCause cause) -> {
                    if (id != null && cause != RemovalCause.REPLACED) {
                        delete(pathOf(id));
                    }
                })
                .build();
    }

    private Path pathOf(ImageId id) {
        return dir.resolve(id.hex().substring(0, 2)).resolve(id.hex());
    }

    /** The local copy of {@code id}, if this node keeps one. */
    Optional<Path> find(ImageId id) {
        if (sizes.getIfPresent(id) == null) {
            return Optional.empty();
        }
        Path path = pathOf(id);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** Keeps a staged file the bucket has acknowledged (a hard link: no copy; the staging area removes its name). */
    void keepStaged(ImageId id, Path staged, long size) {
        try {
            Path path = pathOf(id);
            Files.createDirectories(path.getParent());
            try {
                Files.createLink(path, staged);
            } catch (FileAlreadyExistsException e) {
                // kept already
            }
            sizes.put(id, size);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "no local copy of " + id.hex(), e);
        }
    }

    /** Keeps bytes read whole from the bucket (written aside, then renamed: readers never see a partial file). */
    void keepRead(ImageId id, byte[] bytes) {
        try {
            Path path = pathOf(id);
            Files.createDirectories(path.getParent());
            Path part = Files.createTempFile(path.getParent(), ".read-", ".part");
            try {
                Files.write(part, bytes);
                Files.move(part, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
            sizes.put(id, (long) bytes.length);
        } catch (IOException e) {
            LOG.log(Level.FINE, "no local copy of " + id.hex(), e);
        }
    }

    void forget(ImageId id) {
        sizes.invalidate(id);
        delete(pathOf(id));
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not remove the local copy " + path.getFileName(), e);
        }
    }

    private static void wipe(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(LocalCopies::delete);
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.log(Level.WARNING, "could not empty the local copies in " + dir, e);
        }
    }
}
