package org.picbed.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
        String path = UrlSigner.path(options, file);
        String signature = UrlSigner.fromEnv(cli.env()).sign(path);
        String prefix = base != null ? base : cli.env("PICBED_PUBLIC_URL", cli.defaultBase().toString());
        spec.commandLine().getOut().println(prefix + "/v/" + signature + path);
        return 0;
    }
}
