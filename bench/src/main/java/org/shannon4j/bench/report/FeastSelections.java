package org.shannon4j.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.shannon4j.Shannon;
import org.shannon4j.bench.Feast;
import org.shannon4j.bench.SelectionBenchmark;
import org.shannon4j.bench.SelectionData;
import org.shannon4j.bench.SelectionRun;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;

/**
 * FEAST's side of the report's "Feature selection" section: FEAST timed on the same {@link SelectionData} as
 * {@code SelectionBenchmark} ({@link Feast}), with our selection of the same data made once in the report's JVM to
 * check both select the same features. Kept in {@value #FILE_NAME} next to the JMH file, so that
 * {@code report --from} renders it again.
 *
 * <p>File: lines {@code # build<TAB>...} and {@code # unavailable<TAB>REASON} (FEAST not timed), then the header
 * {@code shape criterion cpu_seconds wall_seconds same ours feast} (tab-separated; criterion as the benchmark's
 * parameter, jmi/mrmr/cmim; the selections as space-separated column indices).
 */
final class FeastSelections {

    static final String FILE_NAME = "feast-selection.tsv";
    static final String HEADER = "shape\tcriterion\tcpu_seconds\twall_seconds\tsame\tours\tfeast";

    /** FEAST's timing of one criterion on one shape, and both selections. */
    record Row(String shape, String criterion, double cpuSeconds, double wallSeconds, int[] ours, int[] feast) {
        boolean same() {
            return Arrays.equals(ours, feast);
        }
    }

    /** The rows, the build line, and why FEAST was not timed (null if it was). */
    record Result(List<Row> rows, String build, String unavailable) {
    }

    private FeastSelections() {
    }

    /**
     * Times FEAST on every shape (k features, every criterion) and selects with ours once per criterion
     * ({@code backend}, 2 threads) for the comparison.
     */
    static Result measure(List<String> shapes, List<String> criteria, int k, String backend, Path dir,
                          PrintStream log) throws IOException {
        List<Row> rows = new ArrayList<>();
        String build = "";
        for (String shape : shapes) {
            int[] s = SelectionData.shape(shape);
            SelectionData data = SelectionData.generate(s[0], s[1], SelectionData.SEED);
            Path file = dir.resolve("selection-data.bin");
            Feast.Result r;
            try {
                data.write(file);
                log.println("report: FEAST on " + shape + ", k = " + k + " (" + Feast.SCRIPT + ": builds FEAST with gcc, "
                        + "then one selection per criterion) ...");
                r = Feast.run(Feast.SCRIPT, file, k, criteria.stream().map(SelectionBenchmark::feastName).toList(), log);
            } finally {
                Files.deleteIfExists(file);
            }
            if (r.unavailable() != null) {
                log.println("report: FEAST not timed: " + r.unavailable());
                return new Result(List.of(), r.build(), r.unavailable());
            }
            build = r.build();
            FeatureSelection ours = FeatureSelection.of(Shannon.get(backend).withParallelism(2).context());
            DiscreteColumns columns = DiscreteColumns.wrap(data.columns(), data.levels());
            for (String c : criteria) {
                Feast.Timing t = r.timing(SelectionBenchmark.feastName(c));
                if (t == null) {
                    return new Result(rows, build, "feast_bench.sh printed no line for " + SelectionBenchmark.feastName(c));
                }
                int[] mine = ours.select(columns, data.target(), SelectionBenchmark.criterion(c), k).features();
                rows.add(new Row(shape, c, t.cpuSeconds(), t.wallSeconds(), mine, t.selected()));
                log.printf(java.util.Locale.ROOT, "report: FEAST %s %s: %.2f s CPU, same features as ours: %s%n", shape,
                        t.criterion(), t.cpuSeconds(), Arrays.equals(mine, t.selected()) ? "yes" : "NO");
            }
        }
        return new Result(rows, build, null);
    }

    static void write(Result r, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (!r.build().isEmpty()) {
            sb.append("# build\t").append(r.build()).append('\n');
        }
        if (r.unavailable() != null) {
            sb.append("# unavailable\t").append(r.unavailable()).append('\n');
        }
        sb.append(HEADER).append('\n');
        for (Row x : r.rows()) {
            sb.append(String.join("\t", x.shape(), x.criterion(), String.valueOf(x.cpuSeconds()),
                    String.valueOf(x.wallSeconds()), x.same() ? "yes" : "no", SelectionRun.indices(x.ours()), SelectionRun.indices(x.feast())))
                    .append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Reads {@link #write}'s file; null if there is none. */
    static Result read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        String build = "";
        String unavailable = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            if (line.startsWith("# build\t")) {
                build = c[1];
            } else if (line.startsWith("# unavailable\t")) {
                unavailable = c[1];
            } else if (!line.isBlank() && !line.equals(HEADER) && c.length == 7) {
                rows.add(new Row(c[0], c[1], Double.parseDouble(c[2]), Double.parseDouble(c[3]), ints(c[5]),
                        ints(c[6])));
            }
        }
        return new Result(rows, build, unavailable);
    }

    private static int[] ints(String s) {
        return s.isBlank() ? new int[0] : Arrays.stream(s.strip().split(" ")).mapToInt(Integer::parseInt).toArray();
    }
}
