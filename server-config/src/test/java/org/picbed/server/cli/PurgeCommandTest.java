package org.picbed.server.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.security.auth.Subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./picbed purge} against a fake {@code org.picbed:type=Purge} MBean behind a JMX connector on 127.0.0.1 (RMI,
 * as Payara's; WildFly's remote+http connector needs its client jar, which the launcher adds to the class path).
 */
public class PurgeCommandTest {

    /** The operations and attribute of picbed's Purge MBean that the CLI uses. */
    public interface FakePurgeMBean {
        String purgeImage(String id);

        String purgeVariant(String id, String spec);

        String purgeAll();

        String[] status(String purgeId);

        String getSite();
    }

    /** Site bj applies every purge at once; site sh after {@code shAfter} status calls (never when negative). */
    public static final class FakePurge implements FakePurgeMBean {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile int shAfter = 2;
        private int statusCalls;

        @Override
        public String purgeImage(String id) {
            if (!id.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not an image id: " + id);
            }
            calls.add("image " + id);
            return "p-1-abc";
        }

        @Override
        public String purgeVariant(String id, String spec) {
            calls.add("variant " + id + " " + spec);
            return "p-2-abc";
        }

        @Override
        public String purgeAll() {
            calls.add("all");
            return "p-3-abc";
        }

        @Override
        public synchronized String[] status(String purgeId) {
            statusCalls++;
            List<String> applied = new ArrayList<>(List.of("bj 2026-12-07T05:00:00Z found=true variants=2 hot=1"));
            if (shAfter >= 0 && statusCalls > shAfter) {
                applied.add("sh 2026-12-07T05:00:01Z found=true variants=2 hot=1");
            }
            return applied.toArray(String[]::new);
        }

        @Override
        public String getSite() {
            return "bj";
        }
    }

    /** RMI listening on the loopback interface only. */
    static final class Loopback implements RMIServerSocketFactory, Serializable {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Loopback;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    private final FakePurge purge = new FakePurge();
    private JMXConnectorServer connector;
    private String url;

    @BeforeEach
    void start() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(new StandardMBean(purge, FakePurgeMBean.class), new ObjectName("org.picbed:type=Purge"));
        Map<String, Object> env = new HashMap<>();
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, new Loopback());
        env.put(JMXConnectorServer.AUTHENTICATOR, (JMXAuthenticator) credentials -> {
            if (credentials instanceof String[] c && c.length == 2 && c[0].equals("admin") && c[1].equals("s3cret")) {
                return new Subject(true, java.util.Set.of(new JMXPrincipal("admin")), java.util.Set.of(), java.util.Set.of());
            }
            throw new SecurityException("Authentication failed");
        });
        connector = JMXConnectorServerFactory.newJMXConnectorServer(new JMXServiceURL("service:jmx:rmi://127.0.0.1"), env, server);
        connector.start();
        url = connector.getAddress().toString();
    }

    @AfterEach
    void stop() throws IOException {
        connector.stop();
    }

    private FakePicbed.Run purge(Map<String, String> env, String... args) {
        Map<String, String> environment = new HashMap<>(Map.of("PICBED_ADMIN_USER", "admin", "PICBED_ADMIN_PASSWORD", "s3cret"));
        environment.putAll(env);
        List<String> command = new ArrayList<>(List.of("purge", "--jmx-url", url));
        command.addAll(List.of(args));
        return FakePicbed.cli(environment, command.toArray(String[]::new));
    }

    @Test
    void purgesAnImageAndPrintsTheAcknowledgementOfEverySite() {
        String id = "ab".repeat(32);
        FakePicbed.Run run = purge(Map.of("PICBED_PEERS", "sh=http://127.0.0.1:8180|http://127.0.0.1:8190"), id);
        assertEquals(0, run.exit(), run.err());
        assertEquals("purge p-1-abc requested at site bj\n"
                + "  applied: bj 2026-12-07T05:00:00Z found=true variants=2 hot=1\n"
                + "  applied: sh 2026-12-07T05:00:01Z found=true variants=2 hot=1\n", run.out());
        assertEquals(List.of("image " + id), purge.calls);
    }

    @Test
    void aVariantOrEverything() {
        String id = "cd".repeat(32);
        assertEquals(0, purge(Map.of(), id, "rs:fit:300:300").exit());
        FakePicbed.Run all = purge(Map.of(), "--all");
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.out().startsWith("purge p-3-abc requested at site bj\n"), all.out());
        assertEquals(List.of("variant " + id + " rs:fit:300:300", "all"), purge.calls);
    }

    @Test
    void sitesThatDoNotAcknowledgeInTimeExitThree() {
        purge.shAfter = -1;
        long t0 = System.nanoTime();
        FakePicbed.Run run = purge(Map.of("PICBED_PEERS", "sh=http://127.0.0.1:8180", "PICBED_PURGE_WAIT", "1"), "ab".repeat(32));
        assertEquals(3, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("1 of 2 sites applied it within 1 s; the others apply it when their messages arrive "
                + "(GET /api/purges/p-1-abc)"), run.out());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
        assertEquals(3, purge(Map.of("PICBED_PEERS", "sh=x,hk=y"), "--wait", "0", "ab".repeat(32)).exit(), "--wait overrides");
    }

    @Test
    void refusalsExitOne() {
        FakePicbed.Run wrong = purge(Map.of("PICBED_ADMIN_PASSWORD", "wrong"), "ab".repeat(32));
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("picbed: JMX refused: Authentication failed"), wrong.err());
        FakePicbed.Run malformed = purge(Map.of(), "not-an-id");
        assertEquals(1, malformed.exit());
        assertTrue(malformed.err().contains("picbed: purge refused: not an image id: not-an-id"), malformed.err());
        assertTrue(purge.calls.isEmpty());
    }

    @Test
    void usageErrorsExitOne() {
        FakePicbed.Run none = purge(Map.of());
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("usage: ./picbed purge <image id> [<preset or variant options>] | --all"), none.err());
        assertEquals(1, purge(Map.of(), "--all", "ab".repeat(32)).exit());
        assertEquals(1, purge(Map.of(), "a", "b", "c").exit());
        assertTrue(purge.calls.isEmpty());
    }

    @Test
    void countsTheSitesOfPicbedPeers() {
        assertEquals(1, PurgeCommand.sites(""));
        assertEquals(2, PurgeCommand.sites("sh=http://a:8080|http://b:8080"));
        assertEquals(3, PurgeCommand.sites("sh=http://a:8080,hk=http://c:8080"));
    }
}
