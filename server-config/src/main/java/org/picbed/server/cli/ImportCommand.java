package org.picbed.server.cli;

import org.picbed.client.Multipart;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./picbed import <dir> [--rules r1,r2,...] [--priority low|high] [--batch N] [--timeout S]}: every image under
 * {@code <dir>} (recursively: jpg, jpeg, png, gif, webp, bmp, ico, heic, heif, avif) through groups of N (20) uploads with those rules
 * ({@code POST /api/groups}, multipart, with {@code PICBED_API_KEYS}' first key), each group polled
 * ({@code GET /api/groups/<id>}) until it is done, for {@code --timeout} seconds at most ({@code PICBED_IMPORT_TIMEOUT},
 * 300). A journal in {@code $PICBED_HOME/import} makes a second run skip what the first stored; without rules, files
 * picbed already has are skipped by their SHA-256 too ({@code HEAD /i/<sha256>}).
 */
@Command(name = "import", description = "upload a folder of images in groups (resumable)")
public final class ImportCommand implements Callable<Integer>, Cli.Usage {

    static final String USAGE = "./picbed import <dir> [--rules r1,r2] [--priority low|high] [--batch N] [--timeout S]";
    static final Pattern IMAGE = Pattern.compile("(?i).*\\.(jpg|jpeg|png|gif|webp|bmp|ico|heic|heif|avif)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir>", description = "the folder (its sub-folders too)")
    Path dir;

    @Option(names = "--rules", paramLabel = "r1,r2", description = "the rules every image goes through, comma-separated")
    String rules = "";

    @Option(names = "--priority", paramLabel = "low|high", description = "the groups' priority (default low)")
    String priority = "low";

    @Option(names = "--batch", paramLabel = "N", description = "files per group, 1 to 200 (default 20)")
    int batch = 20;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "how long to wait for each group to be processed (default: PICBED_IMPORT_TIMEOUT, else 300)")
    Integer timeoutSeconds;

    @Option(names = "--base", paramLabel = "URL", description = "this instance's address (default 127.0.0.1:8080 + PICBED_PORT_OFFSET)")
    URI base;

    @Option(names = "--journal-dir", paramLabel = "DIR", description = "where the journals are (default $PICBED_HOME/import)")
    Path journalDir;

    @Option(names = "--poll-ms", hidden = true, description = "pause between two looks at a group (tests)")
    long pollMillis = 500;

    private PrintWriter out;
    private PrintWriter err;
    private Http http;
    private Path root;
    private Path journal;
    private int total;
    private int seen;
    private int created;
    private int existed;
    private int rejected;
    private int skipped;
    private final List<String> reasons = new ArrayList<>();

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            throw new CliException("no folder " + dir + " (usage: " + USAGE + ")");
        }
        if (!priority.equals("low") && !priority.equals("high")) {
            throw new CliException("--priority is low or high");
        }
        if (batch < 1 || batch > 200) {
            throw new CliException("--batch is 1 to 200");
        }
        int timeout = timeoutSeconds != null ? timeoutSeconds : cli.envInt("PICBED_IMPORT_TIMEOUT", 300);
        if (timeout < 1) {
            throw new CliException("--timeout (PICBED_IMPORT_TIMEOUT) is a number of seconds, at least 1");
        }
        String apiKey = cli.env("PICBED_API_KEYS", "").split(",")[0].trim();
        if (apiKey.isEmpty()) {
            throw new CliException("no API key: PICBED_API_KEYS is not set (./picbed sets it from $PICBED_HOME/secrets.env)");
        }
        http = Http.bearer(base != null ? base : cli.defaultBase(), apiKey);
        http.requireRunning();
        root = dir.toAbsolutePath().normalize();
        journal = journalFile();
        Set<String> done = doneInJournal();

        List<Path> files = images(root);
        total = files.size();
        if (total == 0) {
            out.println("no images under " + root);
            return 0;
        }
        out.println("==> importing " + total + " images from " + root + " (rules: " + (rules.isEmpty() ? "none" : rules)
                + "; journal " + journal + ")");
        out.flush();
        List<Path> group = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        for (Path file : files) {
            String sha = sha256(file);
            if (done.contains(sha)) {
                skipped++;
                seen++;
                progress();
                continue;
            }
            if (rules.isEmpty() && stored(sha)) {
                existed++;
                seen++;
                record(sha + " done " + sha);
                progress();
                continue;
            }
            group.add(file);
            shas.add(sha);
            if (group.size() >= batch) {
                flush(group, shas, timeout);
            }
        }
        flush(group, shas, timeout);
        err.println();
        out.println("imported " + total + " images: created " + created + ", existed " + existed + ", skipped " + skipped
                + " (imported before), rejected " + rejected);
        for (String reason : reasons) {
            out.println("  rejected: " + reason);
        }
        return 0;
    }

    /** {@code <journal dir>/<first 16 hex digits of sha256("<dir>|<rules>")>.log}, as the shell launcher named it. */
    private Path journalFile() throws IOException {
        Path journals = journalDir;
        if (journals == null) {
            String home = cli.env("PICBED_HOME", null);
            if (home == null) {
                throw new CliException("PICBED_HOME is not set (./picbed sets it)");
            }
            journals = Path.of(home, "import");
        }
        Files.createDirectories(journals);
        String name = hex(sha256Of(root + "|" + rules)).substring(0, 16);
        Path file = journals.resolve(name + ".log");
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        return file;
    }

    /** The SHA-256s the journal records as stored ({@code <sha> done <image>}). */
    private Set<String> doneInJournal() throws IOException {
        Set<String> done = new HashSet<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            String[] fields = line.split(" ");
            if (fields.length >= 2 && fields[1].equals("done")) {
                done.add(fields[0]);
            }
        }
        return done;
    }

    /** Regular files (not links) with an image extension, sorted by path. */
    static List<Path> images(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> IMAGE.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean stored(String sha) throws IOException {
        try {
            return http.headPublic("/i/" + sha, REQUEST_TIMEOUT) == 200;
        } catch (IOException e) {
            return false;   // as before: when in doubt, upload (the server deduplicates)
        }
    }

    /** Uploads the files as one group, waits until picbed is done with it, and records each task's outcome. */
    private void flush(List<Path> files, List<String> shas, int timeoutSeconds) throws IOException, InterruptedException {
        if (files.isEmpty()) {
            return;
        }
        JsonArrayBuilder ruleList = Json.createArrayBuilder();
        for (String rule : rules.split(",")) {
            if (!rule.isBlank()) {
                ruleList.add(rule.trim());
            }
        }
        JsonArrayBuilder tasks = Json.createArrayBuilder();
        Multipart body = new Multipart();
        for (int i = 0; i < files.size(); i++) {
            tasks.add(Json.createObjectBuilder().add("upload", "f" + i));
        }
        JsonObject groupJson = Json.createObjectBuilder().add("priority", priority).add("rules", ruleList).add("tasks", tasks).build();
        body.field("group", "application/json", groupJson.toString());
        for (int i = 0; i < files.size(); i++) {
            body.file("f" + i, files.get(i));
        }
        Http.Response answer;
        try {
            answer = http.post("/api/groups", body.contentType(), body.body(), UPLOAD_TIMEOUT);
        } catch (IOException e) {
            throw new CliException("the upload failed (" + e + "); run the same command again to resume");
        }
        String id = answer.json().map(j -> j.get("id") instanceof JsonString s ? s.getString() : null).orElse(null);
        if (id == null) {
            throw new CliException("the group was refused (HTTP " + answer.status() + "): " + answer.body().strip());
        }
        JsonObject group = waitUntilDone(id, files.size(), timeoutSeconds, files, shas);
        Map<Integer, JsonObject> byPosition = tasksByPosition(group);
        for (int i = 0; i < files.size(); i++) {
            JsonObject task = byPosition.get(i);
            String image = task == null ? null : string(task, "image");
            if (task != null && "done".equals(string(task, "state")) && image != null) {
                created++;
                record(shas.get(i) + " done " + image);
            } else {
                String code = task == null ? null : task.get("error") instanceof JsonObject error ? string(error, "code") : null;
                code = code == null || code.isBlank() ? "failed" : code;
                rejected++;
                reasons.add(root.relativize(files.get(i)) + ": " + code);
                record(shas.get(i) + " failed " + code);
            }
        }
        seen += files.size();
        files.clear();
        shas.clear();
        progress();
    }

    /**
     * Polls the group until its state is {@code done}; after the timeout, records the tasks already stored (so that
     * the next run skips them) and fails with what is left.
     */
    private JsonObject waitUntilDone(String id, int size, int timeoutSeconds, List<Path> files, List<String> shas)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        String last = "no answer yet";
        JsonObject lastGroup = null;
        while (true) {
            try {
                Http.Response state = http.get("/api/groups/" + id, REQUEST_TIMEOUT);
                if (state.status() == 401 || state.status() == 403 || state.status() == 404) {
                    throw new CliException("group " + id + ": HTTP " + state.status() + ": " + state.body().strip());
                }
                last = "HTTP " + state.status();
                var json = state.json().filter(j -> state.ok());
                if (json.isPresent()) {
                    lastGroup = json.get();
                    if ("done".equals(string(lastGroup, "state"))) {
                        return lastGroup;
                    }
                }
            } catch (IOException e) {
                last = e.toString();   // picbed busy or restarting: ask again until the deadline
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(pollMillis);
        }
        int finished = 0;
        if (lastGroup != null) {
            Map<Integer, JsonObject> byPosition = tasksByPosition(lastGroup);
            for (int i = 0; i < files.size(); i++) {
                JsonObject task = byPosition.get(i);
                if (task != null && "done".equals(string(task, "state")) && string(task, "image") != null) {
                    record(shas.get(i) + " done " + string(task, "image"));
                    finished++;
                }
            }
        }
        err.println();
        throw new CliException("the import did not finish in time: group " + id + " is not done after " + timeoutSeconds
                + " s (" + (lastGroup == null ? last : finished + " of " + size + " images stored") + "); picbed goes on with it:"
                + " run the same command again later to resume, or wait longer with --timeout (PICBED_IMPORT_TIMEOUT)");
    }

    private static Map<Integer, JsonObject> tasksByPosition(JsonObject group) {
        Map<Integer, JsonObject> byPosition = new HashMap<>();
        if (group.get("tasks") instanceof jakarta.json.JsonArray tasks) {
            for (JsonValue value : tasks) {
                if (value instanceof JsonObject task && task.get("position") instanceof JsonNumber position) {
                    byPosition.put(position.intValue(), task);
                }
            }
        }
        return byPosition;
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private void record(String line) throws IOException {
        Files.writeString(journal, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void progress() {
        int width = 40;
        int n = seen * width / total;
        err.printf(Locale.ROOT, "\r  [%-" + width + "s] %d/%d  created %d  existed %d  rejected %d ",
                "#".repeat(n), seen, total, created, existed, rejected);
        err.flush();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return hex(digest.digest());
    }

    private static byte[] sha256Of(String text) {
        return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
