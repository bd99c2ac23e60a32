package org.picbed.storage;

import org.picbed.config.Settings;

import java.nio.file.Path;

/** The blob volume: {@code PICBED_STORAGE_DIR}, by default {@code blobs} under {@code PICBED_HOME}. */
public record StorageSettings(Path blobDir) {

    public static StorageSettings from(Settings settings) {
        Path dir = settings.get("storage.dir").map(Path::of).orElseGet(() -> settings.home().resolve("blobs"));
        return new StorageSettings(dir.toAbsolutePath().normalize());
    }
}
