package org.shannon4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.cli.data.Column;
import org.shannon4j.cli.data.Table;
import org.shannon4j.selection.Criterion;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.Discretizer;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.MissingValues;
import org.shannon4j.selection.Selection;
import org.shannon4j.selection.SelectionProgress;
import org.shannon4j.selection.StopReason;

/**
 * {@code select}: forward greedy feature selection ({@link FeatureSelection}) of k of the columns other than the
 * target. Integer and text columns are codes as they are unless {@code --bins} is given, which bins the integer
 * ones too (text columns are always categories); floating columns are binned, 10 equal-width bins by default.
 * The target's integers and text are always classes ({@code --bins} does not bin them); a floating target is
 * binned as the features are ({@code --binning}).
 * {@code --feast} switches to FEAST's conventions: bits, and every value floored to an int
 * ({@link Codes#floored}) instead of binned. Progress lines go to stderr ({@link Progress}).
 */
public final class SelectCommand implements DataCommand {

    static final String USAGE = """
              select FILE --target COL --method M --k K [--bins 10] [--binning width|quantile]
                        [--beta B --gamma G] [--unit nats|bits] [--format table|tsv|json] [--feast]
                        [--missing error|level] [--text A,B] [--delimiter ,] [--progress auto|on|off]
                        Selects K of the other columns by forward greedy search, M one of
                        mim mrmr jmi jmim cmim disr icap cife condmi betagamma (--beta,
                        --gamma). Integer and text columns are codes; floating columns (and
                        integer ones when --bins is given) are binned: equal width as numpy's
                        digitize(x, linspace(min, max, bins + 1)[1:-1]), or quantile edges;
                        a floating target too, an integer or text target is classes.
                        Prints rank, index (among the feature columns), column, the score
                        at that step and I(X;target). When nothing scores above 0 any more
                        (jmi, disr, condmi) it stops early and says so on stderr.
                        --feast: FEAST's conventions, to compare with its MATLAB/Python
                        wrappers: bits unless --unit is given, and every value floored to an
                        int as MIToolbox's normaliseArray does, target included (no bins
                        unless --bins). Still no repeated feature 0 or -1 where FEAST returns
                        them: the early stop above. A column of numbers with a stray text
                        cell is an error at that cell; --text A,B reads columns as categories.
                        --progress: lines on stderr (auto: inputs of 1e6+ cells, past 1 s).""".indent(2)
            .stripTrailing();

    /** The {@code --method} names, in the order of the usage text. */
    static final List<String> METHODS = List.of("mim", "mrmr", "jmi", "jmim", "cmim", "disr", "icap", "cife",
            "condmi", "betagamma");

    private static final Set<String> OPTIONS = Set.of("target", "method", "k", "bins", "binning", "beta", "gamma",
            "unit", "format", "missing", "delimiter", "text", "progress");

    private static final Set<String> FLAGS = Set.of("feast");

    @Override
    public String name() {
        return "select";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, OPTIONS, FLAGS);
        Path file = DataArgs.file(args, "select");
        String target = DataArgs.target(args, "select");
        if (args.get("method") == null) {
            throw new UsageException("select needs --method (one of " + String.join(", ", METHODS) + ")");
        }
        String method = args.choice("method", null, METHODS);
        Criterion criterion = criterion(method, args);
        if (args.get("k") == null) {
            throw new UsageException("select needs --k K, the number of features to select");
        }
        int k = args.positiveInt("k", 0);
        boolean feast = args.flag("feast");
        boolean binInts = args.get("bins") != null;
        boolean floor = feast && !binInts;
        int bins = DataArgs.bins(args);
        String binning = args.choice("binning", "width", List.of("width", "quantile"));
        if (floor && args.get("binning") != null) {
            throw new UsageException("--binning needs --bins under --feast (FEAST floors values, it has no bins)");
        }
        // FEAST computes in bits; an explicit --unit still wins, for comparing with our other output.
        InfoUnit unit = feast && args.get("unit") == null ? InfoUnit.BITS : DataArgs.unit(args);
        String format = args.choice("format", "table", ResultTable.FORMATS);
        Codes.Missing missing = DataArgs.missing(args);
        Progress progress = new Progress(err, "select", args.choice("progress", "auto", Progress.MODES));

        Table table = DataArgs.read(file, args);
        progress.size((long) table.rows() * table.columns().size());
        progress.say(() -> "read " + table.rows() + " rows x " + table.columns().size() + " columns");
        int t = DataArgs.columnIndex(table, target, "--target");
        List<String> text = args.list("text");
        List<Integer> features = new ArrayList<>();
        for (int j = 0; j < table.columns().size(); j++) {
            if (text == null || !text.contains(table.columns().get(j).name())) {
                Codes.rejectStrayText(table, j);
            }
            if (j != t) {
                features.add(j);
            }
        }
        if (features.isEmpty()) {
            throw new UsageException("--target: '" + target + "' is the only column of " + file
                    + ", there is nothing to select");
        }
        if (k > features.size()) {
            throw new UsageException("--k must be at most the number of feature columns, " + features.size()
                    + ", got " + k);
        }
        Discretizer discretizer = floor ? null : (binning.equals("quantile") ? Discretizer.equalFrequency(bins)
                : Discretizer.equalWidth(bins)).withMissingValues(missing == Codes.Missing.LEVEL
                ? MissingValues.OWN_LEVEL : MissingValues.ERROR);
        List<String> names = features.stream().map(j -> table.columns().get(j).name()).toList();
        DiscreteColumns columns = columns(table, features, binInts, discretizer, missing).withNames(names);
        // the target's classes: integers and text as they are; floating values binned as the features are
        Column targetColumn = table.columns().get(t);
        int[] y = floor ? Codes.floored(table, t, missing)
                : targetColumn instanceof Column.Doubles && !Codes.isIntegers(targetColumn)
                && binning.equals("quantile")
                ? discretizer.discretize(new double[][] {Codes.binnable(table, t, missing)}).column(0)
                : Codes.of(table, t, bins, missing);
        progress.say(() -> "coded " + features.size() + " feature columns and the target");

        String unitName = unit.name().toLowerCase(Locale.ROOT);
        boolean unitless = criterion.method() == Criterion.Method.DISR;
        SelectionProgress stepDone = (rank, of, f, score) -> progress.say(() -> String.format(Locale.ROOT,
                "selected %d/%d: %s, score %.6g%s", rank, of, names.get(f), score,
                unitless && rank > 1 ? "" : " " + unitName));
        Selection s = FeatureSelection.of(Shannon.get().withUnit(unit).context())
                .select(columns, y, criterion, k, stepDone);
        progress.say(() -> "done: " + s.size() + " of " + k + " features selected");

        ResultTable rt = new ResultTable(List.of("rank", "index", "column", "score", "relevance"));
        rt.meta("file", file.toString()).meta("rows", table.rows()).meta("target", table.columns().get(t).name())
                .meta("method", method).meta("unit", unitName);
        if (floor) {
            rt.meta("binning", "floor");
        } else {
            rt.meta("bins", bins).meta("binning", binning);
        }
        rt.meta("feast", feast).meta("k", k).meta("selected", s.size())
                .meta("stop", s.stopReason().name().toLowerCase(Locale.ROOT));
        for (int i = 0; i < s.size(); i++) {
            rt.row(i + 1, s.feature(i), s.names().get(i), s.score(i), s.relevance(i));
        }
        if (s.stopReason() == StopReason.NO_POSITIVE_SCORE) {
            err.println("shannon4j select: stopped after " + s.size() + " of " + k
                    + " features: no remaining feature scores above 0 under " + method + (feast ? " (FEAST would "
                    + (criterion.method() == Criterion.Method.COND_MI ? "write -1" : "return feature 0 again")
                    + " from here)" : ""));
            err.flush();
        }
        Column tc = table.columns().get(t);
        String coding = floor ? "FEAST conventions: every value floored to an integer"
                : String.format(Locale.ROOT, "%s%s in %d %s bins", feast ? "FEAST conventions; " : "",
                binInts ? "numeric columns" : "floating columns", bins,
                binning.equals("quantile") ? "equal-frequency" : "equal-width");
        String title = String.format(Locale.ROOT, "%s: %d rows, %d features; target '%s' (%s); %s, k = %d; %s; %s",
                file, table.rows(), features.size(), tc.name(), Codes.kindName(tc), method, k,
                unitName, coding);
        rt.print(format, title, out);
        return 0;
    }

    private static Criterion criterion(String method, Args args) {
        boolean betaGamma = method.equals("betagamma");
        for (String p : List.of("beta", "gamma")) {
            if (betaGamma && args.get(p) == null) {
                throw new UsageException("--method betagamma needs --beta and --gamma");
            }
            if (!betaGamma && args.get(p) != null) {
                throw new UsageException("--" + p + " applies only to --method betagamma, not " + method);
            }
        }
        return switch (method) {
            case "mim" -> Criterion.MIM;
            case "mrmr" -> Criterion.MRMR;
            case "jmi" -> Criterion.JMI;
            case "jmim" -> Criterion.JMIM;
            case "cmim" -> Criterion.CMIM;
            case "disr" -> Criterion.DISR;
            case "icap" -> Criterion.ICAP;
            case "cife" -> Criterion.CIFE;
            case "condmi" -> Criterion.COND_MI;
            default -> Criterion.betaGamma(finite(args, "beta"), finite(args, "gamma"));
        };
    }

    private static double finite(Args args, String name) {
        String v = args.get(name);
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a finite number, got '" + v + "'");
    }

    /**
     * The feature columns as codes in [0, levels): integer (unless {@code binInts}) and text columns renumbered
     * densely, the others binned by {@code discretizer}, or floored as FEAST does when it is null.
     */
    static DiscreteColumns columns(Table table, List<Integer> features, boolean binInts, Discretizer discretizer,
                                   Codes.Missing missing) {
        int n = features.size();
        int[][] codes = new int[n][];
        int[] levels = new int[n];
        List<Integer> binned = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            int j = features.get(f);
            Column c = table.columns().get(j);
            if (discretizer == null) {
                codes[f] = Codes.floored(table, j, missing);
                levels[f] = max(codes[f]) + 1;
            } else if (c instanceof Column.Text || (Codes.isIntegers(c) && !binInts)) {
                codes[f] = Codes.dense(Codes.of(table, j, 1, missing));
                levels[f] = max(codes[f]) + 1;
            } else {
                binned.add(f);
                values.add(Codes.binnable(table, j, missing));
            }
        }
        if (!binned.isEmpty()) {
            DiscreteColumns d = discretizer.discretize(values.toArray(double[][]::new));
            for (int i = 0; i < binned.size(); i++) {
                // the levels in use, renumbered in order: many more bins than rows must not ask for a table of
                // every bin (the engine's three-way tables are dense)
                codes[binned.get(i)] = Codes.dense(d.column(i));
                levels[binned.get(i)] = max(codes[binned.get(i)]) + 1;
            }
        }
        return DiscreteColumns.of(codes, levels);
    }

    private static int max(int[] v) {
        int m = 0;
        for (int x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
