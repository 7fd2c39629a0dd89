package org.shannon4j.bench;

import java.util.Arrays;

import org.shannon4j.bench.report.ReportCommand;

/**
 * The benchmark subcommands of {@code bin/shannon4j}, run from the {@code shannon4j-cli} dispatcher (which owns
 * the command line, its help and its default). Here is only what belongs to the benchmarks: each subcommand's
 * usage lines and a way to run it by name, so the cli module does not reach into bench's package-private classes.
 * {@link #main} exists for the forked JVMs of {@code coldstart} (and for running bench alone from an IDE).
 */
public final class BenchCommands {

    /** The subcommands {@link #run} knows. */
    public static final java.util.List<String> NAMES = java.util.List.of("compare", "report", "coldstart", "selectbench", "jmh");

    /** Usage lines of every benchmark subcommand (two-space indent, ready for the dispatcher's help). */
    public static final String USAGE = Compare.USAGE + "\n" + ReportCommand.USAGE + "\n" + ColdStart.USAGE + "\n"
            + SelectionRun.USAGE + "\n"
            + """
              jmh [JMH ARGS]
                        run JMH, e.g. 'jmh -l', 'jmh DistributionBenchmark -p size=1000000 -prof gc',
                        'jmh -h' for JMH's own help""".indent(2).stripTrailing();

    private BenchCommands() {
    }

    /**
     * Runs one benchmark subcommand.
     *
     * @param command one of {@link #NAMES}
     * @param args    its arguments
     * @return the exit status (JMH's own launcher exits the JVM itself on failure)
     * @throws Exception whatever the subcommand throws
     */
    public static int run(String command, String[] args) throws Exception {
        return switch (command) {
            case "compare" -> Compare.run(args);
            case "report" -> ReportCommand.run(args);
            case "coldstart" -> ColdStart.run(args);
            case "selectbench" -> SelectionRun.run(args);
            case "jmh" -> {
                org.openjdk.jmh.Main.main(args);
                yield 0;
            }
            default -> throw new IllegalArgumentException("command: not a benchmark subcommand: '" + command
                    + "' (known: " + NAMES + ")");
        };
    }

    /**
     * {@code BenchCommands SUBCOMMAND [ARGS]}: what {@code coldstart} forks.
     *
     * @param args the subcommand and its arguments
     * @throws Exception whatever the subcommand throws
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !NAMES.contains(args[0])) {
            System.err.println("usage: BenchCommands SUBCOMMAND [ARGS]\n" + USAGE);
            System.exit(2);
        }
        System.exit(run(args[0], Arrays.copyOfRange(args, 1, args.length)));
    }
}
