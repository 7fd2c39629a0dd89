package org.shannon4j.cli;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.shannon4j.bench.BenchCommands;
import org.shannon4j.cli.data.DataFileException;

/**
 * Entry point of {@code shannon4j-cli.jar}, that is of {@code bin/shannon4j}: the data commands (this module's)
 * and the benchmark commands (the bench module's {@link BenchCommands}). No subcommand means {@code compare}; a
 * first argument that is no subcommand goes to JMH unchanged, as it always has.
 */
public final class Main {

    /** The data commands. */
    static final List<DataCommand> DATA = List.of(new MiCommand(), new SelectCommand(), new DriftCommand());

    static final String USAGE = "usage: shannon4j [SUBCOMMAND] [ARGS]\n"
            + String.join("\n", DATA.stream().map(DataCommand::usage).toList()) + "\n" + BenchCommands.USAGE
            + "\n" + """
              help      this text
            No subcommand means compare; any other first argument is passed to JMH unchanged.""";

    private Main() {
    }

    /**
     * Runs a subcommand and exits with its status.
     *
     * @param args the subcommand and its arguments
     * @throws Exception whatever a benchmark subcommand throws
     */
    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "compare" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
            System.out.println(USAGE);
            return;
        }
        for (DataCommand c : DATA) {
            if (c.name().equals(command)) {
                System.exit(run(c, rest));
            }
        }
        if (BenchCommands.NAMES.contains(command)) {
            System.exit(BenchCommands.run(command, rest));
        }
        System.exit(BenchCommands.run("jmh", args));
    }

    /**
     * Runs a data command: usage errors exit 2 with the command's usage, bad files and bad values exit 1 with
     * their message (a bad file's says where).
     *
     * @param c    the command
     * @param args its arguments
     * @return the exit status
     */
    static int run(DataCommand c, String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println("usage: shannon4j\n" + c.usage());
            return 0;
        }
        try {
            return c.run(args, System.out, System.err);
        } catch (UsageException e) {
            System.err.println("shannon4j " + c.name() + ": " + e.getMessage() + "\nusage: shannon4j\n"
                    + c.usage());
            return 2;
        } catch (DataFileException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("shannon4j " + c.name() + ": " + e.getMessage());
            return 1;
        }
    }
}
