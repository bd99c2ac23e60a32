package org.picbed.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Squid (Debian package {@code squid}) as a caching reverse proxy in front of the test server, accepting
 * {@code PURGE} from localhost only: the front cache picbed must be able to empty.
 */
public final class Squid implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/squid");

    private final Process process;
    private final int port;
    private final Path dir;

    private Squid(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static Squid start(int port, int originPort, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));   // squid drops to user proxy
        Path conf = dir.resolve("squid.conf");
        Files.writeString(conf, String.join("\n",
                "http_port 127.0.0.1:" + port + " accel defaultsite=127.0.0.1:" + originPort + " no-vhost",
                "cache_peer 127.0.0.1 parent " + originPort + " 0 no-query originserver name=picbed",
                "acl purge method PURGE",
                "acl local src 127.0.0.1/32",
                "http_access allow purge local",
                "http_access deny purge",
                "http_access allow all",
                "cache_peer_access picbed allow all",
                "cache_mem 32 MB",
                "maximum_object_size_in_memory 2 MB",
                "pid_filename " + dir.resolve("squid.pid"),
                "access_log stdio:" + dir.resolve("access.log"),
                "cache_log " + dir.resolve("cache.log"),
                "cache_store_log none",
                "coredump_dir " + dir,
                "shutdown_lifetime 1 seconds",
                ""));
        Process process = new ProcessBuilder(BINARY.toString(), "-N", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("squid.out").toFile()).start();
        Squid squid = new Squid(process, port, dir);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!squid.listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                squid.close();
                throw new IOException("squid did not start: " + Files.readString(dir.resolve("squid.out"))
                        + (Files.exists(dir.resolve("cache.log")) ? Files.readString(dir.resolve("cache.log")) : ""));
            }
            Thread.sleep(100);
        }
        return squid;
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public String accessLog() throws IOException {
        return Files.exists(dir.resolve("access.log")) ? Files.readString(dir.resolve("access.log")) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
