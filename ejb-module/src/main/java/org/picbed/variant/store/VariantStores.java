package org.picbed.variant.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.picbed.storage.backend.StorageBackends;
import org.picbed.storage.StorageSettings;

/** Variants are kept where the originals are: in the bucket with {@code PICBED_STORAGE=s3}, else on the blob volume. */
@ApplicationScoped
public class VariantStores {

    @Inject
    StorageBackends backends;

    @Inject
    StorageSettings settings;

    @Produces
    @Singleton
    VariantStore variantStore() {
        return backends.bucket().<VariantStore>map(S3VariantStore::new)
                .orElseGet(() -> new FileVariantStore(settings.blobDir().resolve("variants")));
    }
}
