package org.shannon4j.bench;

import java.util.Arrays;

/**
 * Entry point of {@code shannon4j-benchmarks.jar} (and of {@code bin/shannon4j}):
 *
 * <pre>
 *   compare [--full] [--sizes 1000000,10000000] [--seed N] [--reps N]   every backend against the scalar one
 *   report [--profile quick|full|smoke] [--out DIR]           the JMH suite and its Markdown/SVG report
 *   coldstart [--forks N]                                        first-call latency in fresh JVMs, with and without warm-up
 *   jmh [JMH options]                                            JMH itself ({@code jmh -h} for its help)
 *   help                                                         this text
 *   anything else                                                passed to JMH unchanged
 * </pre>
 *
 * No subcommand means {@code compare}.
 */
public final class Main {

    static final String USAGE = """
            usage: shannon4j [SUBCOMMAND] [ARGS]
              compare [--full] [--sizes 1000000,10000000] [--seed N] [--reps N]
                        time and compare entropy, crossEntropy, klDivergence, jsDivergence on every
                        supported backend against the scalar one and, for n <= 1e6, the exact
                        reference (the default subcommand). Quick by default (n = 1e6, under a
                        minute); --full: n = 1e6 and 1e7, each case settled (minutes)
            """ + org.shannon4j.bench.report.ReportCommand.USAGE + "\n" + ColdStart.USAGE + "\n" + """
              jmh [JMH ARGS]
                        run JMH, e.g. 'jmh -l', 'jmh DistributionBenchmark -p size=1000000 -prof gc',
                        'jmh -h' for JMH's own help
              help      this text
            Any other first argument is passed to JMH unchanged.""";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "compare" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "compare" -> System.exit(Compare.run(rest));
            case "report" -> System.exit(org.shannon4j.bench.report.ReportCommand.run(rest));
            case "coldstart" -> System.exit(ColdStart.run(rest));
            case "help", "--help" -> System.out.println(USAGE);
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> org.openjdk.jmh.Main.main(args);
        }
    }
}
