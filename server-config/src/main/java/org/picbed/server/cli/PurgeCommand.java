package org.picbed.server.cli;

import org.picbed.server.PurgeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./picbed purge <id> [<spec>] | --all}: the {@code org.picbed:type=Purge} MBean over the server's JMX
 * connector (the launcher passes its URL: WildFly's management connector, with jboss-client.jar on the class path, or
 * Payara's RMI connector) with {@code PICBED_ADMIN_USER}/{@code PICBED_ADMIN_PASSWORD}; prints each site's
 * acknowledgement as it arrives, for {@code PICBED_PURGE_WAIT} seconds (30) at most. The sites expected are this one
 * and each of {@code PICBED_PEERS}. Exit 0: every site applied it; 3: not all within the wait; 1: refused or failed.
 */
@Command(name = "purge", description = "drop an image, one of its variants, or everything, from every cache of every site")
public final class PurgeCommand implements Callable<Integer>, Cli.Usage {

    static final String USAGE = "./picbed purge <image id> [<preset or variant options>] | --all";

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--jmx-url", required = true, paramLabel = "URL", description = "the server's JMX connector")
    String jmxUrl;

    @Option(names = "--all", description = "purge everything cached")
    boolean all;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "how long to wait for the sites' acknowledgements (default: PICBED_PURGE_WAIT, else 30)")
    Integer waitSeconds;

    @Parameters(arity = "0..2", paramLabel = "<id> [<spec>]")
    List<String> what = new ArrayList<>();

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Integer call() throws InterruptedException {
        String[] request;
        if (all) {
            if (!what.isEmpty()) {
                throw new CliException("--all purges everything: no image id with it (usage: " + USAGE + ")");
            }
            request = new String[]{"all"};
        } else if (what.size() == 1) {
            request = new String[]{"image", what.get(0)};
        } else if (what.size() == 2) {
            request = new String[]{"variant", what.get(0), what.get(1)};
        } else {
            throw new CliException("usage: " + USAGE);
        }
        int wait = waitSeconds != null ? waitSeconds : cli.envInt("PICBED_PURGE_WAIT", 30);
        return PurgeClient.purge(jmxUrl, cli.env("PICBED_ADMIN_USER", "admin"), cli.env().getOrDefault("PICBED_ADMIN_PASSWORD", ""), wait,
                sites(cli.env("PICBED_PEERS", "")), request, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** This site and each peer of {@code PICBED_PEERS} ({@code name=url|url,...}). */
    static int sites(String peers) {
        return 1 + (int) Arrays.stream(peers.split(",")).filter(p -> !p.isBlank()).count();
    }
}
