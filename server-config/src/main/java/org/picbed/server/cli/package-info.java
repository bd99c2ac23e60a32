/**
 * The launcher's Java CLI ({@code ./picbed import | url | purge | demo}, through one {@code cli()} helper): picocli for
 * the arguments, Jakarta JSON-P (Parsson) for every JSON read or written, java.net.http for picbed's HTTP API. The
 * build copies it with its runtime libraries to {@code server-config/target/cli}.
 */
package org.picbed.server.cli;
