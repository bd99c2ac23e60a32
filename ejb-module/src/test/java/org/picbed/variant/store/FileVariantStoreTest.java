package org.picbed.variant.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picbed.image.ImageFormat;
import org.picbed.image.ImageId;
import org.picbed.variant.spec.VariantKey;
import org.picbed.client.spec.VariantSpec;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileVariantStoreTest {

    private static final ImageId IMAGE = new ImageId("ab".repeat(32));

    @Test
    void storesFindsAndDeletesPerImage(@TempDir Path dir) throws Exception {
        FileVariantStore store = new FileVariantStore(dir);
        VariantKey jpeg = new VariantKey(IMAGE, VariantSpec.IDENTITY, ImageFormat.JPEG);
        VariantKey gif = new VariantKey(IMAGE, VariantSpec.IDENTITY, ImageFormat.GIF);
        assertTrue(store.find(jpeg).isEmpty());
        store.put(jpeg, new byte[]{1, 2, 3}, false);
        store.put(gif, new byte[]{4}, true);
        assertArrayEquals(new byte[]{1, 2, 3}, store.find(jpeg).orElseThrow().bytes());
        assertFalse(store.find(jpeg).orElseThrow().animationTruncated());
        assertTrue(store.find(gif).orElseThrow().animationTruncated());
        assertEquals(2, store.deleteAll(IMAGE));
        assertTrue(store.find(jpeg).isEmpty());
        assertFalse(Files.exists(store.directoryOf(IMAGE)));
    }

    @Test
    void anEmptyFileLeftByACrashCountsAsMissing(@TempDir Path dir) throws Exception {
        FileVariantStore store = new FileVariantStore(dir);
        VariantKey key = new VariantKey(IMAGE, VariantSpec.IDENTITY, ImageFormat.PNG);
        Files.createDirectories(store.pathOf(key).getParent());
        Files.write(store.pathOf(key), new byte[0]);
        assertTrue(store.find(key).isEmpty());
        assertFalse(Files.exists(store.pathOf(key)), "and is removed, so the next render replaces it");
    }
}
