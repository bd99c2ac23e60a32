package org.picbed.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./picbed <command>} (or any command) for a data dir and port offset, as a user would, with the output in a log. */
public final class Launcher {

    private static final Path ROOT = Path.of(System.getProperty("picbed.it.root", "..")).toAbsolutePath().normalize();

    private Launcher() {
    }

    public record Result(int exit, String output) {
    }

    /**
     * The test server's own {@code PICBED_*} settings are not passed on: the launcher sees only the data dir, the
     * offset and {@code env}.
     */
    public static Result run(Path home, int offset, String command, Map<String, String> env) throws IOException {
        return run(home, offset, env, command);
    }

    /** The same with a command of several words, e.g. {@code start --sites bj,sh}. */
    public static Result run(Path home, int offset, Map<String, String> env, String... command) throws IOException {
        Files.createDirectories(home);
        Path log = home.resolveSibling(home.getFileName() + "-" + String.join("-", command).replaceAll("[^a-z0-9,-]", "") + ".log");
        List<String> args = new ArrayList<>(List.of("bash", ROOT.resolve("picbed").toString()));
        args.addAll(List.of(command));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PICBED_HOME", home.toString());
        environment.put("PICBED_PORT_OFFSET", String.valueOf(offset));
        environment.putAll(env);
        return exec(args, environment, log, Duration.ofMinutes(10));
    }

    /**
     * Runs any command as an operator would, in the project root, with its output in {@code log}: the test JVM's own
     * {@code PICBED_*} settings are not passed on, {@code env} is added. Exit -1 when it did not end in time.
     */
    public static Result exec(List<String> command, Map<String, String> env, Path log, Duration timeout) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PICBED_"));
        pb.environment().putAll(env);
        try {
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, Files.readString(log) + "\n(timed out)");
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
