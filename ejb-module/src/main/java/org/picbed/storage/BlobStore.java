package org.picbed.storage;

import org.picbed.image.ImageId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port: content-addressed blob storage. A blob's name is the SHA-256 of its bytes, computed while they are
 * written; a blob, once stored, is never overwritten. Adapters: {@link FileBlobStore} (a POSIX volume) and
 * {@code storage.s3.S3BlobStore} (an S3-compatible bucket); both stage uploads on local disk.
 */
public interface BlobStore {

    /** Starts a new blob: bytes written to it are hashed and staged in a temporary file. */
    BlobWriter create() throws IOException;

    /** The stored blob, if there is one. */
    Optional<Blob> find(ImageId id) throws IOException;

    /** The store's own copy, never a node-local one (what the scrubber re-hashes). */
    default Optional<Blob> findStored(ImageId id) throws IOException {
        return find(id);
    }

    /** Removes a blob; returns whether it existed. */
    boolean delete(ImageId id) throws IOException;

    /**
     * Moves a blob whose bytes do not hash to its id out of the way (kept for a post-mortem under
     * {@code quarantine/}, never served); returns whether there was one to move.
     */
    boolean quarantine(ImageId id) throws IOException;

    /**
     * Drops what this node keeps of a blob in front of a remote store (another node deleted the image); stores with
     * nothing node-local do nothing.
     */
    default void forgetLocalCopy(ImageId id) {
    }

    /** Every stored blob's id, in no particular order (for the scrubber and for migrations); close the stream. */
    Stream<ImageId> list() throws IOException;

    /** Where the blobs are, for logs and the admin pages (a directory, or {@code s3://bucket/prefix}). */
    String describe();

    /** Staged bytes; closing without {@link #store()} removes every trace of them. */
    interface BlobWriter extends AutoCloseable {

        OutputStream output();

        long size();

        /** Ends writing: the bytes are on disk (fsynced) and their id is known. */
        ImageId seal() throws IOException;

        /**
         * Makes the sealed bytes durable under their content id; identical bytes already stored are kept as they
         * are. Returns only once the store has acknowledged them.
         */
        Stored store() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** The result of storing: the id, and whether this call created the blob (false: it was there already). */
    record Stored(ImageId id, long size, boolean created) {
    }

    /** A stored blob: its size, and its bytes as streams from any offset. */
    interface Blob {

        long size();

        /** {@code length} bytes from {@code start}; fails (does not end early) if the store has fewer. */
        InputStream open(long start, long length) throws IOException;

        default InputStream open() throws IOException {
            return open(0, size());
        }

        /** The whole blob in one array. */
        default byte[] readAll() throws IOException {
            if (size() > Integer.MAX_VALUE - 16) {
                throw new IOException("blob too large to read into memory");
            }
            try (InputStream in = open()) {
                byte[] bytes = in.readNBytes((int) size());
                if (bytes.length != size()) {
                    throw new java.io.EOFException("blob shorter than its size");
                }
                return bytes;
            }
        }

        /** Up to {@code n} first bytes (fewer when the blob is shorter). */
        default byte[] head(int n) throws IOException {
            try (InputStream in = open(0, Math.min(n, size()))) {
                return in.readAllBytes();
            }
        }
    }
}
