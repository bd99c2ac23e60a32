package org.picbed.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.error.PicbedException;
import org.picbed.storage.StorageSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Bytes of tasks between stages (uploaded parts, fetched sources) on the blob volume, so that any node of the
 * site can take the next stage; fsynced before a stage is acknowledged, removed when the task ends.
 */
@ApplicationScoped
public class BatchStaging {

    private static final Pattern NAME = Pattern.compile("[a-f0-9-]{36}");

    private Path dir;

    @Inject
    void configure(StorageSettings storage) {
        dir = storage.blobDir().resolve("batch");
    }

    /** A new staging file to write to; {@link Staged#commit()} makes it durable. */
    public Staged create() throws IOException {
        Files.createDirectories(dir);
        String name = UUID.randomUUID().toString();
        return new Staged(name, FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Copies at most {@code max} bytes into a durable staging file; 413 {@code file_too_large} beyond. */
    public String stage(InputStream in, long max) throws IOException {
        try (Staged staged = create()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > max) {
                    staged.discard();
                    throw new PicbedException(413, "file_too_large", "a file is larger than " + max + " bytes");
                }
                staged.output().write(buffer, 0, n);
            }
            return staged.commit();
        }
    }

    public byte[] read(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    public void delete(String name) {
        if (name != null) {
            try {
                Files.deleteIfExists(path(name));
            } catch (IOException e) {
                // the hourly sweep of the blob volume's staging removes it later
            }
        }
    }

    private Path path(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a staging name");
        }
        return dir.resolve(name);
    }

    /** A staging file being written. */
    public final class Staged implements AutoCloseable {
        private final String name;
        private final FileChannel channel;
        private final OutputStream output;
        private boolean committed;

        Staged(String name, FileChannel channel) {
            this.name = name;
            this.channel = channel;
            this.output = Channels.newOutputStream(channel);
        }

        public OutputStream output() {
            return output;
        }

        /** Forces the bytes to disk and returns the name for the next stage. */
        public String commit() throws IOException {
            channel.force(true);
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
            committed = true;
            return name;
        }

        public void discard() {
            committed = false;
        }

        @Override
        public void close() throws IOException {
            channel.close();
            if (!committed) {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
    }
}
