package org.picbed.server.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./picbed import} against a fake picbed that answers the group API with its keys in an unusual order. */
class ImportCommandTest {

    private static final String KEY = "pk_import_test";

    @TempDir
    Path tmp;

    private Path photos;
    private Path journals;
    private FakePicbed picbed;

    /** Groups as the fake stored them: their files (name, bytes) in task order, and how often each was asked about. */
    private final Map<String, List<Map.Entry<String, byte[]>>> groups = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private volatile int doneAfterPolls = 3;
    private volatile JsonObject lastGroupJson;

    @BeforeEach
    void setUp() throws IOException {
        photos = Files.createDirectories(tmp.resolve("photos"));
        journals = tmp.resolve("home/import");
        Files.write(photos.resolve("a.jpg"), bytes("a"));
        Files.write(photos.resolve("b.PNG"), bytes("b"));
        Files.write(photos.resolve("bad.png"), bytes("not an image"));
        Files.createDirectories(photos.resolve("nested"));
        Files.write(photos.resolve("nested/c.gif"), bytes("c"));
        Files.write(photos.resolve("notes.txt"), bytes("not uploaded"));
        picbed = new FakePicbed(this::answer);
    }

    @AfterEach
    void tearDown() {
        picbed.close();
    }

    private FakePicbed.Answer answer(FakePicbed.Request r) {
        if (r.method().equals("HEAD") && r.path().startsWith("/i/")) {
            return new FakePicbed.Answer(stored.contains(r.path().substring(3)) ? 200 : 404, "image/png", "");
        }
        if (!("Bearer " + KEY).equals(r.header("Authorization"))) {
            return FakePicbed.Answer.json(401, "{\"code\":\"unauthorized\"}");
        }
        if (r.method().equals("POST") && r.path().equals("/api/groups")) {
            MultipartParts parts = MultipartParts.parse(r.header("Content-Type"), r.body());
            JsonObject group;
            try (var reader = Json.createReader(new StringReader(parts.part("group").text()))) {
                group = reader.readObject();
            }
            lastGroupJson = group;
            List<Map.Entry<String, byte[]>> files = new ArrayList<>();
            for (JsonValue task : group.getJsonArray("tasks")) {
                MultipartParts.Part part = parts.part(task.asJsonObject().getString("upload"));
                files.add(Map.entry(part.fileName(), part.body()));
            }
            String id = "g-" + (groups.size() + 1);
            groups.put(id, files);
            polls.put(id, new AtomicInteger());
            return FakePicbed.Answer.json(202, "{\"tasks\":" + files.size() + ",\"state\":\"running\",\"id\":\"" + id + "\"}");
        }
        if (r.method().equals("GET") && r.path().startsWith("/api/groups/")) {
            String id = r.path().substring("/api/groups/".length());
            List<Map.Entry<String, byte[]>> files = groups.get(id);
            boolean done = polls.get(id).incrementAndGet() >= doneAfterPolls;
            JsonArrayBuilder tasks = Json.createArrayBuilder();
            for (int i = files.size() - 1; i >= 0; i--) {   // in reverse: the CLI goes by "position"
                String name = files.get(i).getKey();
                var task = Json.createObjectBuilder();
                if (name.startsWith("bad")) {
                    task.add("error", Json.createObjectBuilder().add("detail", "no decoder").add("code", "undecodable"))
                            .add("state", done ? "failed" : "processing");
                } else if (done || i == 0) {   // the first task of a group finishes early
                    task.add("image_url", "/i/" + sha256(files.get(i).getValue())).add("image", sha256(files.get(i).getValue()))
                            .add("state", "done");
                } else {
                    task.add("state", "processing");
                }
                tasks.add(task.add("upload", name).add("position", i));
            }
            // the group's own state last, after the tasks (the shell launcher needed "state":"done","priority" in a row)
            return FakePicbed.Answer.json(200, Json.createObjectBuilder().add("tasks", tasks).add("id", id)
                    .add("tasks_total", files.size()).add("priority", "low").add("state", done ? "done" : "running").build().toString());
        }
        return FakePicbed.Answer.json(404, "{}");
    }

    private FakePicbed.Run run(Map<String, String> env, String... options) {
        List<String> args = new ArrayList<>(List.of("import", photos.toString(), "--base", picbed.base().toString(),
                "--journal-dir", journals.toString(), "--poll-ms", "20"));
        args.addAll(List.of(options));
        Map<String, String> environment = new java.util.HashMap<>(Map.of("PICBED_API_KEYS", KEY + ",pk_other"));
        environment.putAll(env);
        return FakePicbed.cli(environment, args.toArray(String[]::new));
    }

    @Test
    void uploadsInGroupsPollsUntilDoneReportsRejectionsAndASecondRunSkips() throws IOException {
        FakePicbed.Run first = run(Map.of(), "--batch", "3");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("==> importing 4 images from " + photos.toAbsolutePath() + " (rules: none; journal "), first.out());
        assertTrue(first.out().contains("imported 4 images: created 3, existed 0, skipped 0 (imported before), rejected 1\n"), first.out());
        assertTrue(first.out().contains("  rejected: bad.png: undecodable\n"), first.out());
        assertTrue(first.err().contains("4/4  created 3  existed 0  rejected 1"), "the progress bar: " + first.err());

        assertEquals(2, groups.size(), "4 files in groups of 3");
        assertEquals(List.of("a.jpg", "b.PNG", "bad.png"), groups.get("g-1").stream().map(Map.Entry::getKey).toList(), "sorted by path");
        assertEquals(List.of("c.gif"), groups.get("g-2").stream().map(Map.Entry::getKey).toList(), "the sub-folder too, not notes.txt");
        assertEquals(3, polls.get("g-1").get(), "polled until the group was done");
        assertEquals("low", lastGroupJson.getString("priority"));
        assertEquals(0, lastGroupJson.getJsonArray("rules").size());
        assertEquals(4, picbed.requests("HEAD", "/i/").size(), "without rules each file is looked up by its SHA-256");

        Path journal;
        try (var files = Files.list(journals)) {
            journal = files.findFirst().orElseThrow();
        }
        String abs = photos.toAbsolutePath().normalize().toString();
        assertEquals(sha256((abs + "|").getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".log", journal.getFileName().toString(),
                "the shell launcher's journal name: a second run after the upgrade resumes");
        List<String> lines = Files.readAllLines(journal);
        assertTrue(lines.contains(sha256(bytes("a")) + " done " + sha256(bytes("a"))), lines.toString());
        assertTrue(lines.contains(sha256(bytes("not an image")) + " failed undecodable"), lines.toString());

        FakePicbed.Run second = run(Map.of(), "--batch", "3");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("imported 4 images: created 0, existed 0, skipped 3 (imported before), rejected 1"), second.out());
        assertEquals(3, groups.size(), "only the rejected file went again");
    }

    @Test
    void filesPicbedHasAreCountedAsExistedWithoutRulesAndRulesAndPriorityGoIntoTheGroup() {
        stored.add(sha256(bytes("b")));
        FakePicbed.Run plain = run(Map.of());
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.out().contains("created 2, existed 1, skipped 0 (imported before), rejected 1"), plain.out());
        assertEquals(1, groups.size());
        assertFalse(groups.get("g-1").stream().anyMatch(e -> e.getKey().equals("b.PNG")));

        int heads = picbed.requests("HEAD", "/i/").size();
        FakePicbed.Run withRules = run(Map.of(), "--rules", "rs:fit:2048:2048,format:webp,", "--priority", "high");
        assertEquals(0, withRules.exit(), withRules.err());
        assertTrue(withRules.out().contains("(rules: rs:fit:2048:2048,format:webp,; journal"), withRules.out());
        assertTrue(withRules.out().contains("created 3, existed 0, skipped 0 (imported before), rejected 1"), "another journal: " + withRules.out());
        assertEquals(heads, picbed.requests("HEAD", "/i/").size(), "with rules nothing is skipped by its hash");
        assertEquals("high", lastGroupJson.getString("priority"));
        assertEquals(List.of("rs:fit:2048:2048", "format:webp"), lastGroupJson.getJsonArray("rules").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void aGroupThatIsNotDoneInTimeFailsClearlyAndKeepsWhatWasStored() throws IOException {
        doneAfterPolls = Integer.MAX_VALUE;
        long t0 = System.nanoTime();
        FakePicbed.Run run = run(Map.of(), "--timeout", "1");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("picbed: the import did not finish in time: group g-1 is not done after 1 s (1 of 4 images stored)"), run.err());
        assertTrue(run.err().contains("--timeout (PICBED_IMPORT_TIMEOUT)"), run.err());
        assertTrue(millis >= 1000 && millis < 10_000, millis + " ms");
        assertTrue(polls.get("g-1").get() > 5, "it kept asking until the deadline: " + polls.get("g-1").get());

        doneAfterPolls = 1;
        FakePicbed.Run resumed = run(Map.of());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("created 2, existed 0, skipped 1 (imported before), rejected 1"),
                "the task stored before the timeout is skipped: " + resumed.out());
    }

    @Test
    void theTimeoutComesFromTheEnvironmentWithoutTheOption() {
        doneAfterPolls = Integer.MAX_VALUE;
        FakePicbed.Run run = run(Map.of("PICBED_IMPORT_TIMEOUT", "1"));
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("not done after 1 s"), run.err());
        FakePicbed.Run bad = run(Map.of("PICBED_IMPORT_TIMEOUT", "soon"));
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("PICBED_IMPORT_TIMEOUT must be a whole number"), bad.err());
    }

    @Test
    void wrongArgumentsExitOneWithTheReason() {
        assertTrue(run(Map.of(), "--priority", "medium").err().contains("picbed: --priority is low or high"));
        assertTrue(run(Map.of(), "--batch", "201").err().contains("picbed: --batch is 1 to 200"));
        FakePicbed.Run unknown = run(Map.of(), "--fast");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("Unknown option: '--fast'") && unknown.err().contains("usage: ./picbed import <dir>"), unknown.err());
        FakePicbed.Run two = FakePicbed.cli(Map.of("PICBED_API_KEYS", KEY), "import", photos.toString(), photos.toString());
        assertEquals(1, two.exit(), "one directory only");
        FakePicbed.Run missing = FakePicbed.cli(Map.of("PICBED_API_KEYS", KEY), "import", tmp.resolve("nope").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no folder"), missing.err());
        assertEquals(0, groups.size());
    }

    @Test
    void aRefusedGroupAndAStoppedServerAreReported() throws IOException {
        FakePicbed.Run refused = run(Map.of("PICBED_API_KEYS", "pk_wrong"));
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("picbed: the group was refused (HTTP 401): {\"code\":\"unauthorized\"}"), refused.err());

        int port = picbed.base().getPort();
        picbed.close();
        FakePicbed.Run down = FakePicbed.cli(Map.of("PICBED_API_KEYS", KEY), "import", photos.toString(),
                "--base", "http://127.0.0.1:" + port, "--journal-dir", journals.toString(), "--rules", "format:webp");
        assertEquals(1, down.exit());
        assertTrue(down.err().contains("picbed: picbed is not running here (port " + port + "): ./picbed start first"), down.err());
        picbed = new FakePicbed(this::answer);   // for tearDown
    }

    @Test
    void anEmptyFolderIsNotAnError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        FakePicbed.Run run = FakePicbed.cli(Map.of("PICBED_API_KEYS", KEY), "import", empty.toString(),
                "--base", picbed.base().toString(), "--journal-dir", journals.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("no images under " + empty.toAbsolutePath() + "\n", run.out());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
