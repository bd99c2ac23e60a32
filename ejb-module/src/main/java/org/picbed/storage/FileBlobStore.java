package org.picbed.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.picbed.config.Settings;
import org.picbed.image.ImageId;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Blobs as files under the blob directory, sharded as {@code ab/cd/<id>}. A blob is written to {@code tmp/},
 * hashed in the same pass, fsynced, then hard-linked to its final name (which fails if the name exists, so a
 * blob is never overwritten), and the directory is fsynced: an acknowledged blob survives a crash.
 */
@ApplicationScoped
public class FileBlobStore implements BlobStore {

    private final Path root;
    private final Path tmp;

    public FileBlobStore() {
        this(StorageSettings.from(Settings.fromEnvironment()).blobDir());
    }

    public FileBlobStore(Path root) {
        this.root = root;
        this.tmp = root.resolve("tmp");
    }

    public Path root() {
        return root;
    }

    Path pathOf(ImageId id) {
        String hex = id.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    @Override
    public BlobWriter create() throws IOException {
        Files.createDirectories(tmp);
        return new FileWriter(Files.createTempFile(tmp, "upload-", ".part"));
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

    private static void fsync(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private final class FileWriter implements BlobWriter {
        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest sha256;
        private final OutputStream output;
        private long size;
        private boolean done;

        FileWriter(Path temp) throws IOException {
            this.temp = temp;
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            this.output = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sha256.update(b, off, len);
                    ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    size += len;
                }
            };
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public long size() {
            return size;
        }

        private ImageId id;

        @Override
        public ImageId seal() throws IOException {
            if (id == null) {
                channel.force(true);
                channel.close();
                id = ImageId.ofDigest(sha256.digest());
            }
            return id;
        }

        @Override
        public Stored store() throws IOException {
            ImageId id = seal();
            Path target = pathOf(id);
            Files.createDirectories(target.getParent());
            boolean created;
            try {
                Files.createLink(target, temp);
                created = true;
            } catch (FileAlreadyExistsException e) {
                created = false;
            }
            Files.delete(temp);
            done = true;
            if (created) {
                fsync(target.getParent());
            }
            return new Stored(id, size, created);
        }

        @Override
        public void close() throws IOException {
            if (channel.isOpen()) {
                channel.close();
            }
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private record FileBlob(Path path, long size) implements Blob {
        @Override
        public FileChannel open() throws IOException {
            return FileChannel.open(path, StandardOpenOption.READ);
        }

        @Override
        public byte[] head(int n) throws IOException {
            try (FileChannel channel = open()) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(n, size));
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // fill
                }
                return buffer.array();
            }
        }
    }
}
