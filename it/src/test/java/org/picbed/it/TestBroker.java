package org.picbed.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone Artemis broker of the Payara test server (the distribution server-config unpacked, configured by
 * server-config/src/main/payara/broker.xml): a fresh instance per test run, started before Arquillian starts Payara.
 * Its settings (port, redelivery delays, attempts) come from the same PICBED_* environment as the server's.
 */
public final class TestBroker {

    private static Process broker;

    private TestBroker() {
    }

    /** Whether this run has a broker of its own (the Payara profile sets picbed.it.broker.port). */
    public static boolean wanted() {
        return System.getProperty("picbed.it.broker.port") != null;
    }

    public static int port() {
        return Integer.getInteger("picbed.it.broker.port");
    }

    static synchronized void start() {
        if (broker != null) {
            return;
        }
        Path root = Path.of(System.getProperty("picbed.it.root", "..")).toAbsolutePath().normalize();
        Path artemis = root.resolve("server-config/target/artemis/bin/artemis");
        Path instance = Path.of(System.getProperty("picbed.it.broker.dir", "target/broker")).toAbsolutePath();
        try {
            TestDatabase.deleteTree(instance);
            Launcher.Result create = Launcher.exec(List.of(artemis.toString(), "create", "--silent", "--no-web", "--require-login",
                    "--role", "amq", "--user", System.getenv("PICBED_ARTEMIS_USER"), "--password", System.getenv("PICBED_ARTEMIS_PASSWORD"),
                    instance.toString()), Map.of(), instance.resolveSibling("broker-create.log"), Duration.ofMinutes(2));
            if (create.exit() != 0) {
                throw new IllegalStateException("artemis create failed: " + create.output());
            }
            Files.copy(root.resolve("server-config/src/main/payara/broker.xml"), instance.resolve("etc/broker.xml"),
                    StandardCopyOption.REPLACE_EXISTING);
            broker = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                    .redirectErrorStream(true).redirectOutput(instance.resolveSibling("broker.log").toFile()).start();
            Await.until("the test broker listens on " + port(), Duration.ofSeconds(60), TestBroker::listening);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            try {
                if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                    broker.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            broker = null;
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
