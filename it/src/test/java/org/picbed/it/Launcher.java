package org.picbed.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./picbed <command>} for a data dir and port offset, as a user would, with the output in a log. */
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
        Files.createDirectories(home);
        Path log = home.resolveSibling(home.getFileName() + "-" + command + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("picbed").toString(), command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("PICBED_"));
        environment.put("PICBED_HOME", home.toString());
        environment.put("PICBED_PORT_OFFSET", String.valueOf(offset));
        environment.putAll(env);
        try {
            Process process = pb.start();
            if (!process.waitFor(6, TimeUnit.MINUTES)) {
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
