package org.picbed.server;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./picbed purge}: calls the {@code org.picbed:type=Purge} MBean over WildFly's management JMX connector
 * (run with {@code bin/client/jboss-client.jar} on the class path), then prints each site's acknowledgement as it
 * arrives. Arguments: {@code <jmx url> <user> <password> <wait seconds> image <id> | variant <id> <spec> | all}.
 * Exit 0: applied at every site expected; 3: not all sites within the wait; 1: refused or failed.
 */
public final class PurgeClient {

    private PurgeClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: PurgeClient <jmx url> <user> <password> <wait seconds> image <id> | variant <id> <spec> | all");
            System.exit(2);
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);   // no client banners
        Map<String, Object> env = new HashMap<>();
        if (!args[1].isEmpty()) {
            env.put(JMXConnector.CREDENTIALS, new String[]{args[1], args[2]});
        }
        int waitSeconds = Integer.parseInt(args[3]);
        String[] what = Arrays.copyOfRange(args, 4, args.length);
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(args[0]), env)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName purge = new ObjectName("org.picbed:type=Purge");
            String id = switch (what[0]) {
                case "image" -> (String) server.invoke(purge, "purgeImage", new Object[]{what[1]}, new String[]{String.class.getName()});
                case "variant" -> (String) server.invoke(purge, "purgeVariant", new Object[]{what[1], what[2]},
                        new String[]{String.class.getName(), String.class.getName()});
                case "all" -> (String) server.invoke(purge, "purgeAll", new Object[0], new String[0]);
                default -> throw new IllegalArgumentException("purge what? image <id> | variant <id> <spec> | all");
            };
            System.out.println("purge " + id + " requested at site " + server.getAttribute(purge, "Site"));
            Set<String> seen = new LinkedHashSet<>();
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            int expected = Integer.getInteger("picbed.sites", 1);
            while (true) {
                String[] status = (String[]) server.invoke(purge, "status", new Object[]{id}, new String[]{String.class.getName()});
                for (String line : status) {
                    if (seen.add(line)) {
                        System.out.println("  applied: " + line);
                    }
                }
                if (seen.size() >= expected) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    System.out.println("  " + seen.size() + " of " + expected + " sites applied it within " + waitSeconds
                            + " s; the others apply it when their messages arrive (GET /api/purges/" + id + ")");
                    System.exit(3);
                }
                Thread.sleep(200);
            }
        } catch (SecurityException e) {
            System.err.println("picbed: JMX refused: " + e.getMessage());
            System.exit(1);
        } catch (java.io.IOException e) {
            System.err.println("picbed: JMX connection failed: " + e);
            System.exit(1);
        } catch (javax.management.MBeanException | javax.management.ReflectionException | javax.management.JMRuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("picbed: purge refused: " + cause.getMessage());
            System.exit(1);
        }
    }
}
