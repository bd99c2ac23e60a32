package org.picbed.storage.s3;

import org.picbed.config.Settings;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * An S3-compatible bucket: {@code PICBED_S3_ENDPOINT} (empty: AWS S3 in the region), {@code PICBED_S3_BUCKET},
 * {@code PICBED_S3_REGION} (default us-east-1), {@code PICBED_S3_ACCESS_KEY} and {@code PICBED_S3_SECRET_KEY}
 * (both empty: the SDK's default credential chain, e.g. an instance role), {@code PICBED_S3_PATH_STYLE} (true for
 * MinIO, Ceph RGW, SeaweedFS and S3Mock endpoints), {@code PICBED_S3_PREFIX} (prepended to every key),
 * {@code PICBED_S3_MULTIPART_MB} (uploads above it go in parts of that size; default 16, at least 5),
 * {@code PICBED_S3_TIMEOUT_MS} (one call, default 5000; large transfers get more per MB),
 * {@code PICBED_S3_CONDITIONAL_WRITES} ({@code auto}: asked of the store once; {@code true}: the store refuses a put
 * with {@code If-None-Match: *} over an existing object, as AWS S3 and MinIO do, so no HEAD before each put;
 * {@code false}: a HEAD guards each put). Each node also keeps
 * recent originals on local disk in front of the bucket, up to {@code PICBED_S3_LOCAL_COPIES_MB} (2048; 0 = none).
 */
public record S3Settings(Optional<URI> endpoint, String bucket, String region, Optional<String> accessKey,
                         Optional<String> secretKey, boolean pathStyle, String prefix, long multipartBytes,
                         Duration callTimeout, ConditionalWrites conditionalWrites) {

    /** Whether the store honours {@code If-None-Match: *} on puts. */
    public enum ConditionalWrites { AUTO, TRUE, FALSE }


    public static S3Settings from(Settings settings) {
        String bucket = settings.get("s3.bucket").filter(b -> !b.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("PICBED_STORAGE=s3 needs PICBED_S3_BUCKET"));
        Optional<URI> endpoint = settings.get("s3.endpoint").filter(e -> !e.isBlank()).map(URI::create);
        Optional<String> access = settings.get("s3.access.key").filter(k -> !k.isBlank());
        Optional<String> secret = settings.get("s3.secret.key").filter(k -> !k.isBlank());
        if (access.isPresent() != secret.isPresent()) {
            throw new IllegalArgumentException("set both PICBED_S3_ACCESS_KEY and PICBED_S3_SECRET_KEY, or neither");
        }
        String prefix = settings.get("s3.prefix", "").trim();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        long multipart = Math.max(5, settings.getLong("s3.multipart.mb", 16)) << 20;
        return new S3Settings(endpoint, bucket.trim(), settings.get("s3.region", "us-east-1").trim(), access, secret,
                settings.getBoolean("s3.path.style", false), prefix, multipart,
                Duration.ofMillis(Math.max(500, settings.getLong("s3.timeout.ms", 5000))),
                conditionalWrites(settings.get("s3.conditional.writes", "auto")));
    }

    private static ConditionalWrites conditionalWrites(String value) {
        try {
            return ConditionalWrites.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PICBED_S3_CONDITIONAL_WRITES is auto, true or false, not '" + value + "'");
        }
    }

    /** {@code s3://bucket/prefix} at the endpoint, for logs and the admin pages (no credentials). */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + endpoint.map(e -> " at " + e).orElse(" (AWS, " + region + ")");
    }
}
