package org.picbed.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.picbed.config.Settings;

/** The storage settings, read once per deployment. */
@ApplicationScoped
public class StorageSettingsProducer {

    @Produces
    @Singleton
    StorageSettings storageSettings(Settings settings) {
        return StorageSettings.from(settings);
    }
}
