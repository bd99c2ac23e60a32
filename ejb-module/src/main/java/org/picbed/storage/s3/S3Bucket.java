package org.picbed.storage.s3;

import org.picbed.storage.ExactLengthInputStream;
import org.picbed.storage.StorageUnavailable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One S3-compatible bucket through the AWS SDK v2 (signing, retries with back-off, checksums are the SDK's): the
 * few operations picbed's stores need, with every failure to reach the store turned into
 * {@link StorageUnavailable} (a 503 for clients). Writes carry their SHA-256, which the store verifies.
 */
public final class S3Bucket implements AutoCloseable {

    /** Keeps the SDK off the EC2 metadata address when credentials and region are given (they always are here). */
    static {
        if (System.getProperty("aws.disableEc2Metadata") == null) {
            System.setProperty("aws.disableEc2Metadata", "true");
        }
    }

    private static final Logger LOG = Logger.getLogger(S3Bucket.class.getName());

    private final S3Settings settings;
    private final S3Client client;
    /** Whether the store refuses {@code If-None-Match: *} puts over existing objects; null until known. */
    private volatile Boolean conditionalWrites;

    public S3Bucket(S3Settings settings) {
        this.settings = settings;
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofMillis(Math.min(2000, settings.callTimeout().toMillis())))
                        .socketTimeout(settings.callTimeout()))
                .overrideConfiguration(o -> o.apiCallTimeout(settings.callTimeout().multipliedBy(2))
                        .apiCallAttemptTimeout(settings.callTimeout())
                        .retryStrategy(r -> r.maxAttempts(3)));
        settings.endpoint().ifPresent(builder::endpointOverride);
        // Over plain http the SDK must sign the payload; in aws-chunked form that is a signature per 128 KB chunk
        // that both sides process. One whole-payload signature costs less: upload-bench against the local S3Mock,
        // 3 MB JPEGs, 16 clients, two runs each: S3Mock CPU per upload 85 / 104 ms chunked, 46 / 50 ms whole;
        // uploads/s 13.3 / 11.6 -> 16.3 / 18.9. Over https the SDK sends the payload unsigned (TLS protects it).
        boolean plainHttp = settings.endpoint().map(e -> "http".equalsIgnoreCase(e.getScheme())).orElse(false);
        builder.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(!plainHttp).build());
        this.client = builder.build();
        if (settings.conditionalWrites() != S3Settings.ConditionalWrites.AUTO) {
            conditionalWrites = settings.conditionalWrites() == S3Settings.ConditionalWrites.TRUE;
        }
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    public S3Settings settings() {
        return settings;
    }

    /** The bucket answers (a HEAD of the bucket); throws {@link StorageUnavailable} with the reason when not. */
    public void probe() {
        call("head bucket", () -> client.headBucket(b -> b.bucket(settings.bucket())));
    }

    public Optional<HeadObjectResponse> head(String key) {
        return call("head " + key, () -> {
            try {
                return Optional.of(client.headObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key)));
            } catch (NoSuchKeyException e) {
                return Optional.<HeadObjectResponse>empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.<HeadObjectResponse>empty();
                }
                throw e;
            }
        });
    }

    /** {@code length} bytes from {@code start} by a ranged GET; a body cut short fails instead of ending early. */
    public InputStream get(String key, long start, long length) {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        ResponseInputStream<GetObjectResponse> in = call("get " + key, () -> client.getObject(b -> b.bucket(settings.bucket())
                .key(settings.prefix() + key).range("bytes=" + start + "-" + (start + length - 1))));
        return new ExactLengthInputStream(in, length) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (SdkException e) {
                    throw new IOException("reading " + key + " from the object store failed", e);
                }
            }
        };
    }

    /** A whole small object and its user metadata; empty when there is none. */
    public Optional<Fetched> getAll(String key) {
        return call("get " + key, () -> {
            try {
                var response = client.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(settings.prefix() + key));
                byte[] bytes = response.asByteArray();
                if (response.response().contentLength() != null && bytes.length != response.response().contentLength()) {
                    throw new IOException("object " + key + " arrived cut short");
                }
                return Optional.of(new Fetched(bytes, response.response().metadata()));
            } catch (NoSuchKeyException e) {
                return Optional.<Fetched>empty();
            }
        });
    }

    public record Fetched(byte[] bytes, Map<String, String> metadata) {
    }

    /** Stores a small object (a variant), replacing any earlier one under the key. */
    public void put(String key, byte[] bytes, Map<String, String> metadata) {
        call("put " + key, () -> client.putObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key)
                .metadata(metadata).checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(bytes)));
    }

    /**
     * Stores a file under {@code key} unless an object is there already: a put with {@code If-None-Match: *}
     * carrying the bytes' SHA-256 (after a HEAD on stores that ignore the condition), in parts
     * above the multipart threshold. Returns whether this call created the object; returns only after the store
     * acknowledged it. {@code sha256} is the digest of the whole file (a blob's id).
     */
    public boolean putIfAbsent(String key, Path file, long size, byte[] sha256) {
        if (!conditionalWrites() && head(key).isPresent()) {
            return false;
        }
        try {
            if (size > settings.multipartBytes()) {
                return call("multipart put " + key, () -> multipartPut(key, file, size));
            }
            String checksum = Base64.getEncoder().encodeToString(sha256);
            return call("put " + key, () -> {
                client.putObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key).ifNoneMatch("*")
                        .contentLength(size).checksumSHA256(checksum)
                        .overrideConfiguration(o -> o.apiCallTimeout(transferTimeout(size)).apiCallAttemptTimeout(transferTimeout(size))),
                        RequestBody.fromFile(file));
                return true;
            });
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 304) {   // someone stored it first (304: S3Mock's answer on complete)
                return false;
            }
            throw new StorageUnavailable("the object store refused " + key + ": " + e.statusCode(), e);
        }
    }

    /**
     * Whether the store honours {@code If-None-Match: *} on puts, asked once (PICBED_S3_CONDITIONAL_WRITES=auto): an
     * empty probe object is put twice with the condition; a store that refuses the second put (412) honours it.
     */
    boolean conditionalWrites() {
        Boolean known = conditionalWrites;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (conditionalWrites == null) {
                String probe = "probe/conditional-write-" + UUID.randomUUID();
                call("conditional write probe", () -> {
                    try {
                        for (int attempt = 0; attempt < 2; attempt++) {
                            client.putObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + probe).ifNoneMatch("*"),
                                    RequestBody.empty());
                        }
                        conditionalWrites = false;
                    } catch (S3Exception e) {
                        if (e.statusCode() != 412) {
                            throw e;
                        }
                        conditionalWrites = true;
                    } finally {
                        client.deleteObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + probe));
                    }
                    return null;
                });
                LOG.info("object store " + settings.describe() + (conditionalWrites
                        ? " honours If-None-Match on puts: no HEAD before each put"
                        : " ignores If-None-Match on puts: a HEAD guards each put"));
            }
            return conditionalWrites;
        }
    }

    private boolean multipartPut(String key, Path file, long size) throws IOException {
        CreateMultipartUploadResponse upload = client.createMultipartUpload(b -> b.bucket(settings.bucket())
                .key(settings.prefix() + key).checksumAlgorithm(ChecksumAlgorithm.SHA256));
        List<CompletedPart> parts = new ArrayList<>();
        try {
            long partSize = settings.multipartBytes();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                long length = Math.min(partSize, size - offset);
                ByteBuffer part = read(file, offset, (int) length);
                String sha256 = base64Sha256(part.duplicate());
                int partNumber = number;
                var response = client.uploadPart(b -> b.bucket(settings.bucket()).key(settings.prefix() + key)
                        .uploadId(upload.uploadId()).partNumber(partNumber).contentLength(length).checksumSHA256(sha256)
                        .overrideConfiguration(o -> o.apiCallTimeout(transferTimeout(length)).apiCallAttemptTimeout(transferTimeout(length))),
                        RequestBody.fromByteBuffer(part));
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).checksumSHA256(sha256).build());
            }
            client.completeMultipartUpload(b -> b.bucket(settings.bucket()).key(settings.prefix() + key).ifNoneMatch("*")
                    .uploadId(upload.uploadId()).multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
                    .overrideConfiguration(o -> o.apiCallTimeout(transferTimeout(size))));
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(settings.prefix() + key).uploadId(upload.uploadId()));
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);   // left for the bucket's lifecycle rule (docs/storage.md)
            }
            throw e;
        }
    }

    /** A call's time, with one more second per MB for transfers. */
    private Duration transferTimeout(long bytes) {
        return settings.callTimeout().plusMillis(bytes / 1000);
    }

    public boolean delete(String key) {
        boolean existed = head(key).isPresent();
        call("delete " + key, () -> client.deleteObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key)));
        return existed;
    }

    /** Copies an object to another key, then deletes it; returns whether there was one. */
    public boolean move(String from, String to) {
        if (head(from).isEmpty()) {
            return false;
        }
        call("copy " + from, () -> client.copyObject(b -> b.sourceBucket(settings.bucket()).sourceKey(settings.prefix() + from)
                .destinationBucket(settings.bucket()).destinationKey(settings.prefix() + to)));
        call("delete " + from, () -> client.deleteObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + from)));
        return true;
    }

    /** Deletes every object under {@code keyPrefix}; returns how many. */
    public int deletePrefix(String keyPrefix) {
        return call("delete " + keyPrefix + "*", () -> {
            int count = 0;
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (S3Object object : client.listObjectsV2Paginator(request(keyPrefix)).contents()) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                count++;
                if (batch.size() == 1000) {
                    deleteBatch(batch);
                }
            }
            if (!batch.isEmpty()) {
                deleteBatch(batch);
            }
            return count;
        });
    }

    private void deleteBatch(List<ObjectIdentifier> batch) {
        List<ObjectIdentifier> keys = List.copyOf(batch);
        client.deleteObjects(b -> b.bucket(settings.bucket()).delete(Delete.builder().objects(keys).quiet(true).build()));
        batch.clear();
    }

    /** The keys under {@code keyPrefix}, without picbed's own prefix, page by page as the stream is read. */
    public Stream<String> list(String keyPrefix) {
        return call("list " + keyPrefix, () -> client.listObjectsV2Paginator(request(keyPrefix)).contents().stream()
                .map(o -> o.key().substring(settings.prefix().length())));
    }

    private ListObjectsV2Request request(String keyPrefix) {
        return ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(settings.prefix() + keyPrefix).build();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 304) {
                throw e;
            }
            throw new StorageUnavailable("object store: " + what + " answered " + e.statusCode() + " " + e.awsErrorDetails().errorCode(), e);
        } catch (SdkException e) {
            throw new StorageUnavailable("object store: " + what + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageUnavailable("object store: " + what + " failed: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer read(Path file, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException("staged file shorter than expected");
                }
            }
        }
        return buffer.flip();
    }

    private static String base64Sha256(ByteBuffer bytes) {
        MessageDigest digest = sha256();
        digest.update(bytes);
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
