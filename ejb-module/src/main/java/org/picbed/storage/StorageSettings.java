package org.picbed.storage;

import org.picbed.config.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where image bytes are kept. {@code PICBED_STORAGE}: {@code file} (default; blobs and variants on the volume
 * {@code PICBED_STORAGE_DIR}, by default {@code blobs} under {@code PICBED_HOME}) or {@code s3} (an S3-compatible
 * bucket, {@code PICBED_S3_*}; uploads are still staged in that local directory). The scrubber re-reads every blob
 * once per {@code PICBED_SCRUB_PERIOD_HOURS} (default 168, 0 = off) at most at {@code PICBED_SCRUB_MB_PER_SECOND}
 * (default 20).
 */
public record StorageSettings(Path blobDir, Backend backend, Duration scrubPeriod, long scrubBytesPerSecond) {

    public enum Backend { FILE, S3 }

    public StorageSettings(Path blobDir) {
        this(blobDir, Backend.FILE, Duration.ofDays(7), 20L << 20);
    }

    public static StorageSettings from(Settings settings) {
        Path dir = settings.get("storage.dir").map(Path::of).orElseGet(() -> settings.home().resolve("blobs"));
        String kind = settings.get("storage", "file").trim().toLowerCase(Locale.ROOT);
        Backend backend = switch (kind) {
            case "file", "" -> Backend.FILE;
            case "s3" -> Backend.S3;
            default -> throw new IllegalArgumentException("PICBED_STORAGE must be file or s3, got '" + kind + "'");
        };
        Duration period = Duration.ofHours(settings.getLong("scrub.period.hours", 168));
        long rate = Math.max(1, settings.getLong("scrub.mb.per.second", 20)) << 20;
        return new StorageSettings(dir.toAbsolutePath().normalize(), backend, period, rate);
    }
}
