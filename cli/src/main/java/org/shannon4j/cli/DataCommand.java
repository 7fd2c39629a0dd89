package org.shannon4j.cli;

import java.io.PrintStream;

/**
 * A subcommand of {@code bin/shannon4j} that reads data files ({@code mi}, {@code select}, {@code drift}). It
 * parses its arguments with {@link Args}, reads files with {@link org.shannon4j.cli.data.DataFiles},
 * turns columns into codes with {@link Codes} and prints a {@link ResultTable}; {@link Main} turns a
 * {@link UsageException} into its usage text and exit status 2, and a bad file into its located message and
 * status 1.
 */
public interface DataCommand {

    /** @return the subcommand's name, e.g. {@code mi} */
    String name();

    /** @return its usage lines, two-space indented like the other subcommands' */
    String usage();

    /**
     * Runs it.
     *
     * @param args its arguments (without the subcommand's name)
     * @param out  where results go
     * @param err  where progress goes
     * @return the exit status
     * @throws UsageException for arguments it cannot run with
     */
    int run(String[] args, PrintStream out, PrintStream err);
}
