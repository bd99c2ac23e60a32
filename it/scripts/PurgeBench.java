import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purge propagation: N purges of an image at site A over JMX, one after the other; for each, the time from the
 * request to the acknowledgement of every site (the remote site's ack is written once its nodes have dropped the
 * entries: the hot cache is replicated synchronously). Figures: server side, requested_at at A -> applied_at of the
 * last site (from GET /api/purges/<id>), and client side, the JMX call until the MBean's status shows every site.
 * Before each purge the image's small preset is made hot at both sites (not timed).
 * args: <jmx url> <admin user> <password> <A base URL> <B base URL> <image id> <sites> <count>
 */
class PurgeBench {

    public static void main(String[] a) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        String user = a[1];
        String password = a[2];
        URI siteA = URI.create(a[3]);
        URI siteB = URI.create(a[4]);
        String image = a[5];
        int sites = Integer.parseInt(a[6]);
        int count = Integer.parseInt(a[7]);
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        List<Long> server = new ArrayList<>();
        List<Long> client = new ArrayList<>();
        try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(a[0]), Map.of(JMXConnector.CREDENTIALS, new String[]{user, password}))) {
            MBeanServerConnection mbs = c.getMBeanServerConnection();
            ObjectName purge = new ObjectName("org.picbed:type=Purge");
            for (int i = 0; i < count; i++) {
                for (URI site : new URI[]{siteA, siteB}) {   // a variant hot at both sites before each purge (not timed)
                    for (int k = 0; k < 3; k++) {
                        http.send(HttpRequest.newBuilder(site.resolve("/i/" + image + "/small.jpg")).build(), HttpResponse.BodyHandlers.discarding());
                    }
                }
                long t0 = System.nanoTime();
                String id = (String) mbs.invoke(purge, "purgeImage", new Object[]{image}, new String[]{String.class.getName()});
                while (((String[]) mbs.invoke(purge, "status", new Object[]{id}, new String[]{String.class.getName()})).length < sites) {
                    Thread.sleep(2);
                    if (System.nanoTime() - t0 > 60_000_000_000L) {
                        throw new IllegalStateException("purge " + id + " not acknowledged by " + sites + " sites in 60 s");
                    }
                }
                client.add((System.nanoTime() - t0) / 1_000_000);
                String json = http.send(HttpRequest.newBuilder(siteA.resolve("/api/purges/" + id)).header("Authorization", basic).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Instant requested = Instant.parse(field(json, "requested_at").get(0));
                long last = field(json, "applied_at").stream().map(Instant::parse)
                        .mapToLong(t -> Duration.between(requested, t).toMillis()).max().orElseThrow();
                server.add(last);
            }
        }
        print("server: requested at A -> applied at the last site", server);
        print("client: JMX call -> every site acknowledged (polled every 2 ms)", client);
    }

    static List<String> field(String json, String name) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    static void print(String what, List<Long> ms) {
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        System.out.printf("RESULT %s over %d purges: p50=%d ms p90=%d ms p99=%d ms max=%d ms%n", what, s.size(),
                q(s, 0.5), q(s, 0.9), q(s, 0.99), s.get(s.size() - 1));
    }

    static long q(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
