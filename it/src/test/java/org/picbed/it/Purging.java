package org.picbed.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Purges as an operator does them: {@code ./picbed purge ...}, or the JMX client itself with chosen credentials. */
public final class Purging {

    private static final Path ROOT = Path.of(System.getProperty("picbed.it.root", "..")).toAbsolutePath().normalize();
    private static final Pattern ID = Pattern.compile("purge (p-[0-9a-z]+-[0-9a-f]+) requested");

    private Purging() {
    }

    /** The purge id that {@code ./picbed purge} printed, or an AssertionError with its output. */
    public static String purgeId(Launcher.Result result) {
        Matcher m = ID.matcher(result.output());
        if (result.exit() != 0 || !m.find()) {
            throw new AssertionError("purge failed (" + result.exit() + "):\n" + result.output());
        }
        return m.group(1);
    }

    public static Launcher.Result purge(Path home, int offset, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("purge"));
        command.addAll(List.of(args));
        return Launcher.run(home, offset, env, command.toArray(String[]::new));
    }

    /** Runs the JMX client directly against the test server's JMX connector with the given (possibly empty or wrong) credentials. */
    public static Launcher.Result jmx(int offset, String user, String password, String... what) throws IOException, InterruptedException {
        Path jbossHome = Path.of(System.getProperty("picbed.it.jboss.home", "../server-config/target/wildfly")).toAbsolutePath();
        String classpath = ROOT.resolve("server-config/target/classes")
                + (TestServer.payara() ? "" : ":" + jbossHome.resolve("bin/client/jboss-client.jar"));
        List<String> command = new ArrayList<>(List.of("java", "-cp", classpath,
                "org.picbed.server.PurgeClient", TestServer.jmxUrl(offset), user, password, "10"));
        command.addAll(List.of(what));
        Path log = Files.createTempFile("picbed-jmx", ".log");
        try {
            return Launcher.exec(command, Map.of(), log, Duration.ofSeconds(60));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
