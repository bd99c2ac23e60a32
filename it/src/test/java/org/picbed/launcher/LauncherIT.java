package org.picbed.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.picbed.it.Launcher;
import org.picbed.it.Launcher.Result;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./picbed} as a newcomer uses it: two independent instances side by side (own data dir, ports, embedded
 * MariaDB), each healthy; {@code ./picbed demo} fills the storefront once; {@code ./picbed import} stores a
 * folder (good files created, hostile ones rejected with reasons) and a second run skips them; {@code ./picbed
 * migrate-storage} moves a data dir's images into an S3 bucket and it runs on it ({@code start --storage s3}); a restart
 * keeps the data dir's API key; stop leaves no process behind (the local S3 server included).
 */
class LauncherIT {

    private static final Path ROOT = Path.of(System.getProperty("picbed.it.root", "..")).toAbsolutePath().normalize();
    private static final Path HOMES = Path.of(System.getProperty("picbed.it.launcher.dir", "target/launcher")).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Pattern API_KEY = Pattern.compile("API key:\\s+(\\S+)");

    private final Instance a = new Instance(HOMES.resolve("a"), 400);
    private final Instance b = new Instance(HOMES.resolve("b"), 450);

    @Test
    void twoIndependentInstancesStartHealthyRestartAndStopWithoutLeftovers() throws Exception {
        a.clean();
        b.clean();

        Result first = a.run("start");
        assertEquals(0, first.exit(), first.output());
        assertTrue(first.output().contains("http://127.0.0.1:8480/"), first.output());
        assertTrue(first.output().contains("data dir:   " + a.home), first.output());
        String apiKey = apiKey(first.output());

        Result second = b.run("start");
        assertEquals(0, second.exit(), second.output());
        assertTrue(!apiKey.equals(apiKey(second.output())), "each data dir has its own generated key");

        for (Instance instance : List.of(a, b)) {
            String health = instance.health();
            for (String component : List.of("database", "storage", "jms", "cache")) {
                assertTrue(health.contains("\"" + component + "\":\"UP\""), component + " UP in " + health);
            }
            assertTrue(health.contains("\"members\":1"), "not clustered with the other instance: " + health);
        }

        Result demo = b.run("demo");
        assertEquals(0, demo.exit(), demo.output());
        assertTrue(demo.output().contains("created: Stoneware mug (2 pictures)"), demo.output());
        assertTrue(demo.output().contains("created: Format sampler (6 pictures)"), "the corpus's odd formats: " + demo.output());
        String shop = b.get("/shop/");
        assertTrue(shop.contains("Stoneware mug") && shop.contains("Format sampler"), shop);
        Matcher src = Pattern.compile("<img src=\"([^\"]+)\"").matcher(shop);
        assertTrue(src.find(), shop);
        assertEquals(200, b.status(src.group(1)), "the grid's pictures are served: " + src.group(1));
        Result again = b.run("demo");
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("exists:  Stoneware mug") && !again.output().contains("created:"),
                "a second demo leaves the products alone: " + again.output());

        // the corpus folder (recursively: a sub-folder holds a copy of one file) in groups of 5, then again
        Path corpus = Files.createTempDirectory(HOMES, "import");
        try (Stream<Path> files = Files.list(Path.of(ROOT.toString(), "it/src/test/resources/corpus/bad"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".tsv")).toList()) {
                Files.copy(file, corpus.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(corpus.resolve("nested"));
        Files.copy(corpus.resolve("ok_baseline.png"), corpus.resolve("nested/copy.png"));
        Result imported = Launcher.run(b.home(), b.offset(), Map.of(), "import", corpus.toString(), "--batch", "5");
        assertEquals(0, imported.exit(), imported.output());
        Matcher summary = Pattern.compile("imported (\\d+) images: created (\\d+), existed (\\d+), skipped (\\d+) \\(imported before\\), rejected (\\d+)")
                .matcher(imported.output());
        assertTrue(summary.find(), imported.output());
        int created = Integer.parseInt(summary.group(2));
        int existed = Integer.parseInt(summary.group(3));
        int rejected = Integer.parseInt(summary.group(5));
        assertEquals(Integer.parseInt(summary.group(1)), created + existed + rejected, imported.output());
        assertEquals(8, rejected, "the corpus manifest's refused images (the SVG is not an image file to import): " + imported.output());
        assertTrue(created > 0, imported.output());
        assertTrue(imported.output().contains("rejected: png_bomb_100000x100000.png: dimensions_exceeded"), imported.output());
        Result resumed = Launcher.run(b.home(), b.offset(), Map.of(), "import", corpus.toString(), "--batch", "5");
        assertEquals(0, resumed.exit(), resumed.output());
        assertTrue(resumed.output().contains("created 0, existed 0, skipped " + (created + existed)), "a second run skips what is stored: " + resumed.output());

        // b moves its images from files into an S3 bucket (the local S3-protocol server): copied and verified by
        // SHA-256, a second run resumes from the journal, then b starts on the bucket and serves what it had
        assertEquals(0, b.run("stop").exit());
        Result migrated = Launcher.run(b.home(), b.offset(), Map.of(), "migrate-storage");
        assertEquals(0, migrated.exit(), migrated.output());
        Matcher copied = Pattern.compile("done in [0-9.]+ s: (\\d+) copied, 0 already in the bucket").matcher(migrated.output());
        assertTrue(copied.find() && Integer.parseInt(copied.group(1)) >= created, migrated.output());
        Result migratedAgain = Launcher.run(b.home(), b.offset(), Map.of(), "migrate-storage");
        assertEquals(0, migratedAgain.exit(), migratedAgain.output());
        assertTrue(migratedAgain.output().contains("migrating 0 images") && migratedAgain.output().contains(copied.group(1) + " verified by an earlier run"),
                migratedAgain.output());
        Result onS3 = Launcher.run(b.home(), b.offset(), Map.of(), "start", "--storage", "s3");
        assertEquals(0, onS3.exit(), onS3.output());
        assertTrue(onS3.output().contains("storage:    S3 bucket picbed at http://127.0.0.1:" + (14000 + b.offset())), onS3.output());
        assertTrue(b.health().contains("\"backend\":\"s3\""), b.health());
        assertEquals(200, b.status(src.group(1)), "the grid's pictures, rendered again from the bucket: " + src.group(1));

        Result stopA = a.run("stop");
        assertEquals(0, stopA.exit(), stopA.output());
        assertThrows(IOException.class, a::health, "instance a is down");
        assertTrue(b.health().contains("\"status\":\"UP\""), "instance b is unaffected");
        assertEquals(List.of(), processesUsing(a.home), "nothing of instance a left running");

        long t0 = System.nanoTime();
        Result restart = a.run("start");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertEquals(0, restart.exit(), restart.output());
        System.out.printf("LauncherIT: second start of an instance took %d s (goal: under 60 s)%n", seconds);
        assertEquals(apiKey, apiKey(restart.output()), "the data dir keeps its API key across restarts");

        assertEquals(0, a.run("stop").exit());
        assertEquals(0, b.run("stop").exit());
        assertEquals(List.of(), processesUsing(a.home));
        assertEquals(List.of(), processesUsing(b.home));
    }

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        for (String name : List.of("a", "b")) {
            if (Files.isDirectory(HOMES.resolve(name))) {
                new Instance(HOMES.resolve(name), name.equals("a") ? 400 : 450).run("stop");
            }
        }
    }

    private static String apiKey(String output) {
        Matcher m = API_KEY.matcher(output);
        assertTrue(m.find(), "start prints the API key: " + output);
        return m.group(1);
    }

    /** Processes whose command line mentions the directory: java, WildFly, mariadbd. */
    private static List<String> processesUsing(Path home) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains(home.toString())) {
                        found.add(proc.getFileName() + " " + cmdline);
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return found;
    }

    private record Instance(Path home, int offset) {

        void clean() throws IOException {
            if (Files.exists(home)) {
                run("stop");
                try (Stream<Path> paths = Files.walk(home)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        Result run(String command) throws IOException {
            return Launcher.run(home, offset, command, Map.of());
        }

        String get(String path) throws IOException {
            return send(path).body();
        }

        int status(String path) throws IOException {
            return send(path).statusCode();
        }

        private HttpResponse<String> send(String path) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + offset) + path))
                    .timeout(Duration.ofSeconds(30)).build();
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        String health() throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + offset) + "/api/health"))
                    .timeout(Duration.ofSeconds(10)).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
