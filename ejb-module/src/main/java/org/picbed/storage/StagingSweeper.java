package org.picbed.storage;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes staged uploads that no upload is writing any more (left by a crash or kill -9). Only files older than
 * an hour go, because the blob volume is shared with the site's other nodes and their uploads in flight.
 */
@Startup
@Singleton
public class StagingSweeper {

    private static final Logger LOG = Logger.getLogger(StagingSweeper.class.getName());
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    /** Batch tasks' staged sources wait in queues; one still here after a week belongs to a dead-lettered task. */
    static final Duration BATCH_ABANDONED_AFTER = Duration.ofDays(7);

    private Path staging;
    private Path batchStaging;

    @Inject
    void configure(StorageSettings settings) {
        staging = settings.blobDir().resolve("tmp");
        batchStaging = settings.blobDir().resolve("batch");
    }

    @Schedule(hour = "*", minute = "17", persistent = false, info = "picbed-staging-sweep")
    void sweep() {
        int removed = sweep(staging, "upload-*.part", Instant.now().minus(ABANDONED_AFTER))
                + sweep(batchStaging, "*-*-*-*-*", Instant.now().minus(BATCH_ABANDONED_AFTER));
        if (removed > 0) {
            LOG.info(() -> "removed " + removed + " abandoned staged uploads");
        }
    }

    static int sweep(Path dir, String glob, Instant olderThan) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(olderThan) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not sweep staged uploads", e);
        }
        return removed;
    }
}
