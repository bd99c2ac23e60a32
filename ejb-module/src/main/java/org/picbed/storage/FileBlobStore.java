package org.picbed.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * blob is never overwritten), and the directory is fsynced: an acknowledged blob survives a crash. Staging
 * writes bypass the page cache (O_DIRECT) where the file system supports it.
 */
@ApplicationScoped
public class FileBlobStore implements BlobStore {

    private Path root;
    private Path tmp;
    private int directBlockSize;

    public FileBlobStore() {
    }

    public FileBlobStore(Path root) {
        open(root);
    }

    @Inject
    void configure(StorageSettings settings) {
        open(settings.blobDir());
    }

    private void open(Path root) {
        this.root = root;
        this.tmp = root.resolve("tmp");
        this.directBlockSize = probeDirect();
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

    /**
     * Stages an upload. Where the file system allows it the bytes go to disk with O_DIRECT through one aligned
     * 1 MiB buffer: no copy into the page cache (which costs more CPU than hashing); elsewhere plain writes.
     */
    private final class FileWriter implements BlobWriter {
        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest sha256;
        private final OutputStream output;
        private final int block;
        private ByteBuffer direct;
        private long size;
        private boolean done;
        private ImageId id;

        FileWriter(Path temp) throws IOException {
            this.temp = temp;
            this.block = directBlockSize;
            FileChannel opened = block > 0 ? openDirect(temp) : null;
            this.channel = opened != null ? opened : FileChannel.open(temp, StandardOpenOption.WRITE);
            this.direct = opened != null ? DirectBuffers.take(block) : null;
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
                    size += len;
                    if (direct == null) {
                        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        return;
                    }
                    while (len > 0) {
                        int n = Math.min(len, direct.remaining());
                        direct.put(b, off, n);
                        off += n;
                        len -= n;
                        if (!direct.hasRemaining()) {
                            writeDirect(direct.capacity());
                        }
                    }
                }
            };
        }

        /** Writes the buffer's first {@code length} bytes (a multiple of the block size) and empties it. */
        private void writeDirect(int length) throws IOException {
            direct.position(0).limit(length);
            while (direct.hasRemaining()) {
                channel.write(direct);
            }
            direct.clear();
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public ImageId seal() throws IOException {
            if (id == null) {
                if (direct != null) {
                    int used = direct.position();
                    if (used > 0) {
                        int padded = (used + block - 1) / block * block;
                        for (int i = used; i < padded; i++) {
                            direct.put(i, (byte) 0);
                        }
                        writeDirect(padded);
                    }
                    channel.truncate(size);
                    releaseBuffer();
                }
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

        private void releaseBuffer() {
            if (direct != null) {
                DirectBuffers.give(direct);
                direct = null;
            }
        }

        @Override
        public void close() throws IOException {
            releaseBuffer();
            if (channel.isOpen()) {
                channel.close();
            }
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** O_DIRECT if this JDK and file system support it, else null. */
    private static FileChannel openDirect(Path path) {
        try {
            return FileChannel.open(path, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException | IOException | LinkageError e) {
            return null;
        }
    }

    /** The staging directory's block size when it takes O_DIRECT writes, else 0 (checked once). */
    private int probeDirect() {
        try {
            Files.createDirectories(tmp);
            Path probe = Files.createTempFile(tmp, "direct-", ".probe");
            try (FileChannel channel = openDirect(probe)) {
                if (channel == null) {
                    return 0;
                }
                int block = (int) Files.getFileStore(probe).getBlockSize();
                ByteBuffer buffer = ByteBuffer.allocateDirect(2 * block).alignedSlice(block);
                buffer.limit(block);
                channel.write(buffer);
                return block;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A few aligned direct buffers, reused across uploads (allocating direct memory per upload is slow). */
    private static final class DirectBuffers {
        private static final int SIZE = 1 << 20;
        private static final int MAX_POOLED = 32;
        private static final java.util.concurrent.ConcurrentLinkedQueue<ByteBuffer> POOL = new java.util.concurrent.ConcurrentLinkedQueue<>();

        static ByteBuffer take(int block) {
            ByteBuffer buffer = POOL.poll();
            if (buffer == null || buffer.capacity() % block != 0) {
                buffer = ByteBuffer.allocateDirect(SIZE + block).alignedSlice(block);
                buffer = buffer.limit(SIZE).slice();
            }
            return buffer.clear();
        }

        static void give(ByteBuffer buffer) {
            if (POOL.size() < MAX_POOLED) {
                POOL.offer(buffer.clear());
            }
        }
    }

    private record FileBlob(Path path, long size) implements Blob {
        @Override
        public FileChannel open() throws IOException {
            return FileChannel.open(path, StandardOpenOption.READ);
        }
    }
}
