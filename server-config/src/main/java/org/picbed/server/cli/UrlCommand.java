package org.picbed.server.cli;

import org.picbed.client.PicbedSettings;
import org.picbed.client.url.UrlSignatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code ./picbed url <options> <id>.<ext>}: prints {@code <base>/v/<signature>/<options>/<id>.<ext>}, signed with
 * {@code PICBED_SIGNING_KEY}/{@code PICBED_SIGNING_SALT} (the first pair) and {@code PICBED_SIGNING_SIZE}, exactly as
 * the server verifies. The base is {@code PICBED_PUBLIC_URL} or this instance's address (the launcher passes it).
 */
@Command(name = "url", description = "a signed variant URL, e.g. url rs:fill:300:200/g:sm <id>.webp")
public final class UrlCommand implements Callable<Integer>, Cli.Usage {

    static final String USAGE = "./picbed url <options, e.g. rs:fill:300:200/g:sm> <id>.<ext>";

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--base", paramLabel = "URL", description = "the URL's base (default: PICBED_PUBLIC_URL, else this instance)")
    String base;

    @Parameters(index = "0", paramLabel = "<options>", description = "processing options, e.g. rs:fill:300:200/g:sm (may be empty)")
    String options;

    @Parameters(index = "1", paramLabel = "<id>.<ext>")
    String file;

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Integer call() {
        String path = path(options, file);
        String signature = signatures(cli.env()).sign(path);
        String prefix = base != null ? base : cli.env("PICBED_PUBLIC_URL", cli.defaultBase().toString());
        spec.commandLine().getOut().println(prefix + "/v/" + signature + path);
        return 0;
    }

    /**
     * The server's own signer (the client library's {@code UrlSignatures}, which the server uses too: imgproxy's scheme, the first key/salt pair signs)
     * from {@code PICBED_SIGNING_KEY}, {@code PICBED_SIGNING_SALT} and {@code PICBED_SIGNING_SIZE}; errors name the
     * variable, never its value.
     */
    static UrlSignatures signatures(Map<String, String> env) {
        if (env.getOrDefault("PICBED_SIGNING_KEY", "").isBlank()) {
            throw new CliException("PICBED_SIGNING_KEY is not set (./picbed start generates one in $PICBED_HOME/secrets.env)");
        }
        try {
            return UrlSignatures.from(new PicbedSettings(env, new Properties()));
        } catch (RuntimeException e) {
            throw new CliException(e.getMessage());
        }
    }

    /**
     * The signed path of {@code ./picbed url <options> <file>}: {@code /<options>/<file>}, or {@code /<file>} when the
     * options are empty; one leading "/" of each is dropped (as the shell launcher always did).
     */
    static String path(String options, String file) {
        String f = stripSlash(file);
        return options.isEmpty() ? "/" + f : "/" + stripSlash(options) + "/" + f;
    }

    private static String stripSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
