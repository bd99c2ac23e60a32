package org.picbed.storage;

import org.picbed.image.ImageId;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Port: content-addressed blob storage. A blob's name is the SHA-256 of its bytes, computed while they are
 * written; a blob, once stored, is never overwritten.
 */
public interface BlobStore {

    /** Starts a new blob: bytes written to it are hashed and staged in a temporary file. */
    BlobWriter create() throws IOException;

    /** The stored blob, if there is one. */
    Optional<Blob> find(ImageId id) throws IOException;

    /** Removes a blob; returns whether it existed. */
    boolean delete(ImageId id) throws IOException;

    /** Staged bytes; closing without {@link #store()} removes every trace of them. */
    interface BlobWriter extends AutoCloseable {

        OutputStream output();

        long size();

        /** Ends writing: the bytes are on disk (fsynced) and their id is known. */
        ImageId seal() throws IOException;

        /** Makes the sealed bytes durable under their content id; identical bytes already stored are kept as they are. */
        Stored store() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** The result of storing: the id, and whether this call created the blob (false: it was there already). */
    record Stored(ImageId id, long size, boolean created) {
    }

    /** A stored blob, readable from any offset. */
    interface Blob {

        long size();

        FileChannel open() throws IOException;
    }
}
