package org.picbed.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * The launcher's Java half: {@code ./picbed import | url | purge | demo} run
 * {@code java -cp server-config/target/cli/* org.picbed.server.cli.Cli <command> ...}. Settings and secrets come from
 * the environment the launcher exports ({@code PICBED_*}), never from the command line; failures print
 * {@code picbed: <why>} on stderr and exit 1 (or the command's own code, e.g. 3 for a purge not acknowledged in time).
 */
@Command(name = "picbed", mixinStandardHelpOptions = true, version = "picbed CLI",
        description = "picbed's command line tools (run through ./picbed)",
        subcommands = {ImportCommand.class, UrlCommand.class, PurgeCommand.class, DemoCommand.class, MigrateStorageCommand.class})
public final class Cli implements Runnable {

    private final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public Cli() {
        this(System.getenv());
    }

    public Cli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        int code = run(System.getenv(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command with the given environment and streams; returns the exit code. */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Cli(env));
        cli.setOut(out).setErr(err);
        cli.setExpandAtFiles(false);   // an argument starting with @ is a value, not a file of arguments
        cli.setParameterExceptionHandler((e, arguments) -> {
            Object command = e.getCommandLine().getCommand();
            String usage = command instanceof Usage u ? u.usage() : "./picbed help";
            err.println("picbed: " + e.getMessage() + " (usage: " + usage + ")");
            return 1;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                err.println("picbed: " + c.getMessage());
                return c.exitCode();
            }
            err.println("picbed: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CliException("which command? import, url, purge or demo", 2);
    }

    /** A launcher setting, or the fallback when it is unset or blank. */
    String env(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    Map<String, String> env() {
        return env;
    }

    /** An integer setting (e.g. a timeout in seconds), or the fallback when it is unset. */
    int envInt(String name, int fallback) {
        String value = env(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CliException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** This instance's HTTP address: 127.0.0.1 at 8080 + {@code PICBED_PORT_OFFSET} (the launcher passes --base). */
    URI defaultBase() {
        return URI.create("http://127.0.0.1:" + (8080 + envInt("PICBED_PORT_OFFSET", 0)));
    }

    /** Subcommands that state their usage line in errors, as the launcher always did. */
    interface Usage {
        String usage();
    }
}
