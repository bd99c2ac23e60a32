package org.picbed.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./picbed migrate-storage}: copies a file store's originals ({@code <dir>/ab/cd/<sha256>}) into the S3 bucket
 * that {@code PICBED_S3_*} name, under the keys picbed's S3 store uses ({@code <prefix>blobs/<sha256>}). Each file is
 * hashed first (a file that does not hash to its name is reported, not copied), put with its SHA-256 (the store
 * checks it) and without overwriting, then read back and hashed again. Verified ids go to a journal, so a second run
 * resumes where the first stopped. Variants are not copied: picbed renders them again on demand.
 */
@Command(name = "migrate-storage", description = "copy the file store's images into the S3 bucket (verified, resumable)")
public final class MigrateStorageCommand implements Callable<Integer>, Cli.Usage {

    static final String USAGE = "./picbed migrate-storage [--parallel N]";
    static final String BLOB_KEYS = "blobs/";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the file store (PICBED_STORAGE_DIR)")
    Path dir;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "ids already verified in the bucket")
    Path journal;

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N", description = "copies at once (default 4)")
    int parallel;

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            throw new CliException("no file store at " + dir);
        }
        if (parallel < 1 || parallel > 64) {
            throw new CliException("--parallel must be 1..64");
        }
        String bucketName = cli.env("PICBED_S3_BUCKET", null);
        if (bucketName == null) {
            throw new CliException("set PICBED_S3_BUCKET (and PICBED_S3_ENDPOINT etc.; docs/storage.md)");
        }
        String prefix = prefix(cli.env("PICBED_S3_PREFIX", ""));
        Set<String> done = readJournal();
        List<Path> files;
        try (Stream<Path> walk = Files.find(dir, 3, (p, a) -> a.isRegularFile() && p.getNameCount() == dir.getNameCount() + 3
                && ID.matcher(p.getFileName().toString()).matches() && p.getParent().getFileName().toString().length() == 2)) {
            files = walk.filter(p -> !done.contains(p.getFileName().toString())).toList();
        }
        out.printf("migrating %d images from %s to s3://%s/%s%s (%d verified by an earlier run)%n", files.size(), dir,
                bucketName, prefix, BLOB_KEYS, done.size());
        Counts counts = new Counts();
        long start = System.nanoTime();
        try (S3Client s3 = client(); Writer log = Files.newBufferedWriter(journal, StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            try {
                List<Future<?>> running = files.stream().<Future<?>>map(f -> pool.submit(() -> {
                    migrate(s3, bucketName, prefix, f, counts, log, out);
                    return null;
                })).toList();
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("done in %.1f s: %d copied, %d already in the bucket, %d MB verified; %d corrupt on disk, %d differ in the bucket%n",
                seconds, counts.copied.get(), counts.present.get(), counts.bytes.get() >> 20, counts.corrupt.get(), counts.differ.get());
        if (counts.corrupt.get() + counts.differ.get() > 0) {
            out.println("not everything was migrated: see the lines above; once fixed, run migrate-storage again");
            return 3;
        }
        out.println("every image is in the bucket and verified; start picbed with ./picbed start --storage s3");
        return 0;
    }

    private void migrate(S3Client s3, String bucket, String prefix, Path file, Counts counts, Writer log, PrintWriter out) throws IOException {
        String id = file.getFileName().toString();
        byte[] digest = sha256(file);
        if (!HexFormat.of().formatHex(digest).equals(id)) {
            counts.corrupt.incrementAndGet();
            out.println("corrupt on disk (does not hash to its name), not copied: " + id);
            return;
        }
        String key = prefix + BLOB_KEYS + id;
        boolean copied = false;
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentLength(file.toFile().length())
                    .checksumSHA256(Base64.getEncoder().encodeToString(digest)), RequestBody.fromFile(file));
            copied = true;
        } catch (S3Exception e) {
            if (e.statusCode() != 412) {
                throw new CliException("the bucket refused " + key + ": " + e.statusCode() + " " + e.getMessage());
            }
        }
        byte[] stored;
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            stored = sha256(in);
        } catch (NoSuchKeyException e) {
            throw new CliException(key + " is not readable right after it was put");
        }
        if (!java.util.Arrays.equals(stored, digest)) {
            counts.differ.incrementAndGet();
            out.println("the bucket's " + key + " does not hash to its id (left as it is; delete it and run again): " + id);
            return;
        }
        (copied ? counts.copied : counts.present).incrementAndGet();
        counts.bytes.addAndGet(file.toFile().length());
        synchronized (log) {
            log.write(id + "\n");
            log.flush();
        }
        long total = counts.copied.get() + counts.present.get();
        if (total % 500 == 0) {
            out.printf("  %d verified%n", total);
        }
    }

    private S3Client client() {
        System.setProperty("aws.disableEc2Metadata", System.getProperty("aws.disableEc2Metadata", "true"));
        String access = cli.env("PICBED_S3_ACCESS_KEY", null);
        String secret = cli.env("PICBED_S3_SECRET_KEY", null);
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(cli.env("PICBED_S3_REGION", "us-east-1")))
                .forcePathStyle(Boolean.parseBoolean(cli.env("PICBED_S3_PATH_STYLE", "false")))
                .credentialsProvider(access != null && secret != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret))
                        : DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)));
        String endpoint = cli.env("PICBED_S3_ENDPOINT", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private Set<String> readJournal() throws IOException {
        Set<String> done = new HashSet<>();
        if (Files.exists(journal)) {
            for (String line : Files.readAllLines(journal, StandardCharsets.US_ASCII)) {
                if (ID.matcher(line.trim()).matches()) {
                    done.add(line.trim());
                }
            }
        }
        return done;
    }

    static String prefix(String prefix) {
        String p = prefix.trim();
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static byte[] sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }

    private static final class Counts {
        final AtomicLong copied = new AtomicLong();
        final AtomicLong present = new AtomicLong();
        final AtomicLong corrupt = new AtomicLong();
        final AtomicLong differ = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
    }
}
