package org.picbed.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/** Positional reads of whole files or their first bytes, without moving the channel. */
public final class FileReads {

    private FileReads() {
    }

    /** The whole file, in one array. */
    public static byte[] readFully(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("file too large to read into memory");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                throw new IOException("file shorter than its size");
            }
        }
        return buffer.array();
    }

    /** Up to {@code n} first bytes (fewer when the file is shorter). */
    public static byte[] head(FileChannel channel, int n) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(n);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // fill
        }
        return Arrays.copyOf(head.array(), head.position());
    }
}
