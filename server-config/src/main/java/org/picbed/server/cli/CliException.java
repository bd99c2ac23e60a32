package org.picbed.server.cli;

/** A failure the user can act on: {@link Cli} prints {@code picbed: <message>} on stderr and exits with the code. */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(String message) {
        this(message, 1);
    }

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
