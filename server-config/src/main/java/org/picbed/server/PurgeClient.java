package org.picbed.server;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./picbed purge}: calls the {@code org.picbed:type=Purge} MBean over WildFly's management JMX connector
 * (run with {@code bin/client/jboss-client.jar} on the class path), then prints each site's acknowledgement as it
 * arrives. Arguments: {@code <jmx url> <user> <password> <wait seconds> image <id> | variant <id> <spec> | all}.
 * Exit 0: applied at every site expected; 3: not all sites within the wait; 1: refused or failed. No dependencies
 * beyond the JDK (and the server's JMX client jar), so that the distribution's {@code tools/picbed-tools.jar} runs alone.
 */
public final class PurgeClient {

    private PurgeClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: PurgeClient <jmx url> <user> <password> <wait seconds> image <id> | variant <id> <spec> | all");
            System.exit(2);
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = purge(args[0], args[1], args[2], Integer.parseInt(args[3]), Integer.getInteger("picbed.sites", 1),
                Arrays.copyOfRange(args, 4, args.length), out, err);
        out.flush();
        err.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Requests the purge, then prints each site's acknowledgement until {@code expectedSites} applied it or the wait
     * is over; {@code ./picbed purge} (org.picbed.server.cli.PurgeCommand) calls this too.
     *
     * @param what {@code image <id>}, {@code variant <id> <spec>} or {@code all}
     * @return 0 applied at every site expected; 3 not all sites within the wait; 1 refused or failed
     */
    public static int purge(String jmxUrl, String user, String password, int waitSeconds, int expectedSites, String[] what,
                            PrintWriter out, PrintWriter err) throws InterruptedException {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);   // no client banners
        Map<String, Object> env = new HashMap<>();
        if (!user.isEmpty()) {
            env.put(JMXConnector.CREDENTIALS, new String[]{user, password});
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl), env)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName purge = new ObjectName("org.picbed:type=Purge");
            String id = switch (what[0]) {
                case "image" -> (String) server.invoke(purge, "purgeImage", new Object[]{what[1]}, new String[]{String.class.getName()});
                case "variant" -> (String) server.invoke(purge, "purgeVariant", new Object[]{what[1], what[2]},
                        new String[]{String.class.getName(), String.class.getName()});
                case "all" -> (String) server.invoke(purge, "purgeAll", new Object[0], new String[0]);
                default -> throw new IllegalArgumentException("purge what? image <id> | variant <id> <spec> | all");
            };
            out.println("purge " + id + " requested at site " + server.getAttribute(purge, "Site"));
            Set<String> seen = new LinkedHashSet<>();
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            while (true) {
                String[] status = (String[]) server.invoke(purge, "status", new Object[]{id}, new String[]{String.class.getName()});
                for (String line : status) {
                    if (seen.add(line)) {
                        out.println("  applied: " + line);
                    }
                }
                if (seen.size() >= expectedSites) {
                    return 0;
                }
                if (System.nanoTime() > deadline) {
                    out.println("  " + seen.size() + " of " + expectedSites + " sites applied it within " + waitSeconds
                            + " s; the others apply it when their messages arrive (GET /api/purges/" + id + ")");
                    return 3;
                }
                Thread.sleep(200);
            }
        } catch (SecurityException e) {
            err.println("picbed: JMX refused: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("picbed: JMX connection failed: " + e);
            return 1;
        } catch (javax.management.MBeanException | javax.management.ReflectionException | javax.management.JMRuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println("picbed: purge refused: " + cause.getMessage());
            return 1;
        } catch (javax.management.JMException e) {
            err.println("picbed: purge failed: " + e);
            return 1;
        }
    }
}
