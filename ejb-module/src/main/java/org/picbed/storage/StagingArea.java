package org.picbed.storage;

import org.picbed.image.ImageId;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Uploads staged on local disk ({@code tmp/} under the blob directory), hashed in the same pass and fsynced before
 * a store takes them: every blob store adapter stages here and differs only in how it commits the sealed file.
 * Writes bypass the page cache (O_DIRECT) where the file system supports it.
 */
public final class StagingArea {

    /** What a store does with a sealed, fsynced staged file: returns whether it created the blob. */
    @FunctionalInterface
    public interface Commit {
        boolean commit(ImageId id, Path staged, long size) throws IOException;
    }

    private final Path tmp;
    private final int directBlockSize;

    public StagingArea(Path tmp) {
        this.tmp = tmp;
        this.directBlockSize = probeDirect();
    }

    public Path directory() {
        return tmp;
    }

    public BlobStore.BlobWriter stage(Commit commit) throws IOException {
        Files.createDirectories(tmp);
        return new StagedWriter(Files.createTempFile(tmp, "upload-", ".part"), commit);
    }

    /**
     * Stages an upload. Where the file system allows it the bytes go to disk with O_DIRECT through one aligned
     * 1 MiB buffer: no copy into the page cache (which costs more CPU than hashing); elsewhere plain writes.
     */
    private final class StagedWriter implements BlobStore.BlobWriter {
        private final Path temp;
        private final Commit commit;
        private final FileChannel channel;
        private final MessageDigest sha256;
        private final OutputStream output;
        private final int block;
        private ByteBuffer direct;
        private long size;
        private boolean done;
        private ImageId id;

        StagedWriter(Path temp, Commit commit) throws IOException {
            this.temp = temp;
            this.commit = commit;
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
        public BlobStore.Stored store() throws IOException {
            ImageId sealed = seal();
            boolean created = commit.commit(sealed, temp, size);
            Files.deleteIfExists(temp);
            done = true;
            return new BlobStore.Stored(sealed, size, created);
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
        private static final ConcurrentLinkedQueue<ByteBuffer> POOL = new ConcurrentLinkedQueue<>();

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
}
