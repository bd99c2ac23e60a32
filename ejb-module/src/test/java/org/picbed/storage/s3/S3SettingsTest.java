package org.picbed.storage.s3;

import org.junit.jupiter.api.Test;
import org.picbed.config.Settings;
import org.picbed.storage.StorageSettings;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3SettingsTest {

    private static final String HOME = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "picbed-settings-test").toString();

    private static Settings env(Map<String, String> values) {
        return new Settings(values, new Properties());
    }

    @Test
    void readsTheBucketEndpointKeysAndPrefix() {
        S3Settings s3 = S3Settings.from(env(Map.of("PICBED_S3_ENDPOINT", "http://127.0.0.1:9000", "PICBED_S3_BUCKET", "images",
                "PICBED_S3_ACCESS_KEY", "k", "PICBED_S3_SECRET_KEY", "s", "PICBED_S3_PATH_STYLE", "true", "PICBED_S3_PREFIX", "shop1",
                "PICBED_S3_MULTIPART_MB", "2")));
        assertEquals(URI.create("http://127.0.0.1:9000"), s3.endpoint().orElseThrow());
        assertEquals("images", s3.bucket());
        assertEquals("us-east-1", s3.region());
        assertTrue(s3.pathStyle());
        assertEquals("shop1/", s3.prefix());
        assertEquals(5L << 20, s3.multipartBytes(), "S3 parts are at least 5 MiB");
        assertEquals("s3://images/shop1/ at http://127.0.0.1:9000", s3.describe());
    }

    @Test
    void aBucketIsRequiredAndKeysComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> S3Settings.from(env(Map.of())));
        assertThrows(IllegalArgumentException.class, () -> S3Settings.from(env(Map.of("PICBED_S3_BUCKET", "b", "PICBED_S3_ACCESS_KEY", "k"))));
        S3Settings chain = S3Settings.from(env(Map.of("PICBED_S3_BUCKET", "b")));
        assertTrue(chain.accessKey().isEmpty() && chain.endpoint().isEmpty(), "AWS with the default credential chain");
    }

    @Test
    void storageIsFileUnlessSaidOtherwise() {
        assertEquals(StorageSettings.Backend.FILE, StorageSettings.from(env(Map.of("PICBED_HOME", HOME))).backend());
        assertEquals(StorageSettings.Backend.S3, StorageSettings.from(env(Map.of("PICBED_HOME", HOME, "PICBED_STORAGE", "S3"))).backend());
        assertThrows(IllegalArgumentException.class, () -> StorageSettings.from(env(Map.of("PICBED_HOME", HOME, "PICBED_STORAGE", "nfs"))));
    }
}
