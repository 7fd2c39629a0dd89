package org.shannon4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.cli.data.Column;
import org.shannon4j.cli.data.Table;
import org.shannon4j.dependence.NmiAverage;

/**
 * {@code mi}: for every column but the target, its entropy H(X), its mutual information I(X; target) and their
 * normalised MI (arithmetic mean of the two entropies, scikit-learn's default), sorted by MI, highest first (ties
 * in column order). Columns become codes through {@link Codes}.
 */
public final class MiCommand implements DataCommand {

    static final String USAGE = """
              mi FILE --target COL [--columns A,B,...] [--bins 10] [--unit nats|bits]
                        [--format table|tsv|json] [--missing error|level] [--text A,B]
                        [--delimiter ,]
                        H(X), I(X;target) and NMI(X,target) (arithmetic) of every other column
                        of a CSV file with a header (or a 1-D/2-D .npy array: columns c0, c1,
                        ..., --target an index), highest MI first. Integer columns are codes,
                        text columns categories, floating columns equal-width bins as numpy's
                        digitize(x, linspace(min, max, bins + 1)[1:-1]). A missing cell or NaN
                        is an error at its file:line:column unless --missing level. A column of
                        numbers with a stray text cell is an error at that cell; --text A,B reads
                        columns as categories.""".indent(2).stripTrailing();

    private static final Set<String> OPTIONS = Set.of("target", "columns", "bins", "unit", "format", "missing",
            "delimiter", "text");

    /** One result line. */
    record Result(String column, double entropy, double mi, double nmi) {
    }

    @Override
    public String name() {
        return "mi";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, OPTIONS);
        Path file = DataArgs.file(args, "mi");
        String target = DataArgs.target(args, "mi");
        int bins = DataArgs.bins(args);
        InfoUnit unit = DataArgs.unit(args);
        String format = args.choice("format", "table", ResultTable.FORMATS);
        Codes.Missing missing = DataArgs.missing(args);

        Table table = DataArgs.read(file, args);
        int t = DataArgs.columnIndex(table, target, "--target");
        List<String> text = args.list("text");
        List<Integer> features = new ArrayList<>();
        List<String> wanted = args.list("columns");
        if (wanted == null) {
            for (int j = 0; j < table.columns().size(); j++) {
                if (j != t) {
                    features.add(j);
                }
            }
        } else {
            for (String w : wanted) {
                int j = DataArgs.columnIndex(table, w, "--columns");
                if (j == t) {
                    throw new UsageException("--columns: '" + w + "' is the target");
                }
                if (features.contains(j)) {
                    throw new UsageException("--columns: '" + w + "' given twice");
                }
                features.add(j);
            }
        }
        // a numeric column with a typo reads as text, each number a category: an error, as in select and drift
        for (int j : concat(t, features)) {
            if (text == null || !text.contains(table.columns().get(j).name())) {
                Codes.rejectStrayText(table, j);
            }
        }
        List<Result> results = compute(Shannon.get().withUnit(unit), table, t, features, bins, missing);

        ResultTable rt = new ResultTable(List.of("column", "entropy", "mi", "nmi"));
        rt.meta("file", file.toString()).meta("rows", table.rows()).meta("target", table.columns().get(t).name())
                .meta("unit", unit.name().toLowerCase(java.util.Locale.ROOT)).meta("bins", bins);
        for (Result r : results) {
            rt.row(r.column(), r.entropy(), r.mi(), r.nmi());
        }
        Column tc = table.columns().get(t);
        String title = String.format(java.util.Locale.ROOT, "%s: %d rows; target '%s' (%s); %s; floating columns"
                + " in %d equal-width bins", file, table.rows(), tc.name(), Codes.kindName(tc),
                unit.name().toLowerCase(java.util.Locale.ROOT), bins);
        rt.print(format, title, out);
        return 0;
    }

    /**
     * The measures of every feature column against the target, sorted by MI descending (stable).
     *
     * @param s        the handle (its unit is the results')
     * @param table    the data
     * @param target   the target column's index
     * @param features the feature columns' indices, in output order before sorting
     * @param bins     equal-width bins of floating columns
     * @param missing  the missing-value policy
     * @return the results, highest MI first
     */
    static List<Result> compute(Shannon s, Table table, int target, List<Integer> features, int bins,
                                Codes.Missing missing) {
        int[] y = Codes.of(table, target, bins, missing);
        List<Result> results = new ArrayList<>();
        for (int j : features) {
            int[] x = Codes.of(table, j, bins, missing);
            results.add(new Result(table.columns().get(j).name(), s.dependence().labelEntropy(x), s.dependence().mutualInformation(x, y),
                    s.dependence().normalizedMutualInformation(x, y, NmiAverage.ARITHMETIC)));
        }
        results.sort(Comparator.comparingDouble(Result::mi).reversed());
        return results;
    }

    private static List<Integer> concat(int first, List<Integer> rest) {
        List<Integer> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
