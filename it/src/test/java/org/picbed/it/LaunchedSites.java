package org.picbed.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sites an IT starts with {@code ./picbed start --sites ...} as a user would: a data dir of their own under the
 * launcher directory and a port offset of their own (site i at offset + 100 i), the IT's API key and admin password,
 * quick redelivery and a small heap. Every run starts from an empty data dir.
 */
public final class LaunchedSites {

    private final Path home;
    private final int offset;
    private final String apiKey;
    private final String adminPassword;

    public LaunchedSites(String name, int offset, String apiKey, String adminPassword) {
        this.home = Path.of(System.getProperty("picbed.it.launcher.dir", "target/launcher")).toAbsolutePath().resolve(name);
        this.offset = offset;
        this.apiKey = apiKey;
        this.adminPassword = adminPassword;
    }

    public Path home() {
        return home;
    }

    public int offset() {
        return offset;
    }

    /** Site {@code index} (0-based, in the order of {@code --sites}), node 1. */
    public SiteClient site(int index) {
        return new SiteClient(8080 + offset + 100 * index, apiKey, "admin", adminPassword);
    }

    /** Node {@code k} (1-based) of site {@code index}: {@code ./picbed start --nodes N} puts it 10 ports further per node. */
    public SiteClient node(int index, int k) {
        return new SiteClient(8080 + offset + 100 * index + 10 * (k - 1), apiKey, "admin", adminPassword);
    }

    /** Stops and removes an earlier run's sites, then runs {@code ./picbed <start command>}. */
    public Launcher.Result startFresh(String... startCommand) throws IOException {
        if (Files.exists(home.resolve("sites.conf"))) {
            run("stop");
        }
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return run(startCommand);
    }

    /** {@code ./picbed <command>} for these sites; it must succeed. */
    public Launcher.Result run(String... command) throws IOException {
        Launcher.Result result = Launcher.run(home, offset, Map.of(
                "PICBED_API_KEYS", apiKey,
                "PICBED_ADMIN_PASSWORD", adminPassword,
                "PICBED_JMS_REDELIVERY_DELAY_MS", "200",
                "PICBED_REPLICATION_MAX_ATTEMPTS", "3",
                "PICBED_JAVA_SIZING", "-Xms128m -Xmx512m -XX:MaxMetaspaceSize=384m"), command);
        assertEquals(0, result.exit(), String.join(" ", command) + ":\n" + result.output());
        return result;
    }
}
