package org.shannon4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.shannon4j.Shannon;
import org.shannon4j.cli.data.Column;
import org.shannon4j.cli.data.CsvReader;
import org.shannon4j.cli.data.Table;
import org.shannon4j.drift.Drift;
import org.shannon4j.drift.DriftMethod;
import org.shannon4j.drift.DriftPreset;
import org.shannon4j.drift.DriftResult;

/**
 * {@code drift}: one row per column of a reference and a current file, the preset's value and decision
 * ({@link Drift#numeric} for numeric columns, {@link Drift#categorical} for categorical ones).
 *
 * <p>Column sets: without {@code --columns} both files must have the same columns (a column of one file only is an
 * error naming it and the file that lacks it); {@code --columns} picks a subset present in both.
 *
 * <p>Column kinds. The CSV reader reads a column as numeric when every present cell is a number ({@code nan} and
 * {@code inf} included), else as text. A column text in one file and numeric in the other is an error at the first
 * non-number cell of the text one ({@code file:line:column}); {@code --text COL} reads it as text in both. Then:
 * <ul>
 *   <li>{@code --categorical COL,...} and {@code --numeric COL,...} force a kind (a text column cannot be numeric);
 *   <li>a text column is categorical (both tools: pandas' {@code object} dtype);
 *   <li>{@code evidently}: a numeric column is categorical when the current file's column is integers without an
 *       empty cell (pandas' int dtype) with at most {@value #EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL} distinct
 *       values: Evidently 0.7's {@code infer_column_type} ({@code INTEGER_CARDINALITY_LIMIT}), which {@code Report.run}
 *       applies to the current dataset. Evidently calls a text column whose distinct values are more than half its
 *       cells "Text" (its text-content drift, a classifier; not here): such a column is computed as categorical,
 *       with a note on stderr;
 *   <li>{@code nannyml}: NannyML's {@code _split_features_by_type}: numeric dtypes are continuous whatever their
 *       number of values, text is categorical; it has no cardinality rule.
 * </ul>
 * A numeric column's values become categories by value ({@code 1} and {@code 1.0} are one category). Missing values:
 * empty cells (and NaN) are dropped by both presets, evidently also drops ±∞ (its {@code replace([-inf, inf],
 * nan).dropna()}), nannyml keeps them (an {@code inf} category). A column without any present value is an error
 * naming the column and the file.
 */
public final class DriftCommand implements DataCommand {

    static final String USAGE = """
              drift REFERENCE CURRENT [--preset evidently|nannyml] [--method M]
                        [--columns A,B,...] [--categorical A,B] [--numeric A,B]
                        [--threshold T] [--format table|tsv|json]
                        [--progress auto|on|off] [--text A,B] [--delimiter ,]
                        Drift of every column of the two files (or those of --columns;
                        without it both files must have the same columns) between the
                        reference and the current data, as the preset's tool computes
                        and decides it. evidently = Evidently 0.7: M one of psi kl_div
                        jensenshannon hellinger wasserstein (PSI, KL, JS distance in
                        nats; Hellinger; Wasserstein over the reference's standard
                        deviation; drift is value >= T, T = 0.1 by default) or ks
                        chisquare z (value = p-value; drift is p <= 0.05 for ks,
                        p < 0.05 for chisquare and z). Without --method, Evidently's
                        default choice from the reference size and the distinct values
                        of both: up to 1000 reference values ks (numeric, more than 5
                        values), chisquare (3+ values) or z (1 or 2); above,
                        jensenshannon (categorical, or at most 5 values) or
                        wasserstein. nannyml = NannyML: M one of jensen_shannon (its
                        default; base-2 JS distance over Doane bins of the reference
                        plus a leftover bin), hellinger, kolmogorov_smirnov (the
                        statistic), wasserstein; categorical: jensen_shannon,
                        hellinger, l_infinity, chi2; T by default NannyML's: mean +
                        3 sd of the method over ten chunks of the reference; drift is
                        value > T. A method the column's kind lacks skips the column
                        with a note (an error for a column named in --columns).
                        Kinds: a column with any cell that is not a number is text in
                        that file; text in one file and numeric in the other is an
                        error (--text COL reads both as text). Text columns are
                        categorical. evidently (as Evidently 0.7 infers them from the
                        current data): integers without empty cells and at most 10
                        distinct values in the current file are categorical too;
                        nannyml: every numeric column is numeric. --categorical and
                        --numeric force a kind. Missing values: empty cells and NaN
                        are dropped; evidently also drops +-inf, nannyml keeps them
                        (for a numeric column an infinite reference value is an
                        error). A column left empty is an error naming the column and
                        the file.
                        --progress: lines on stderr (auto: inputs of 1e6+ cells, past 1 s).""".indent(2)
            .stripTrailing();

    /** Evidently 0.7 infers an integer column with at most this many distinct values as categorical. */
    static final int EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL = 10;

    static final List<String> PRESETS = List.of("evidently", "nannyml");

    static final List<String> METHODS = DriftMethod.names();

    private static final Set<String> OPTIONS = Set.of("preset", "method", "columns", "threshold", "format",
            "progress", "text", "delimiter", "categorical", "numeric");

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, OPTIONS);
        if (args.positional().size() != 2) {
            throw new UsageException("drift needs two data files, the reference and the current, got "
                    + args.positional());
        }
        Path refFile = Path.of(args.positional().get(0));
        Path curFile = Path.of(args.positional().get(1));
        DriftPreset preset = DriftPreset.valueOf(args.choice("preset", "evidently", PRESETS).toUpperCase(Locale.ROOT));
        String presetName = preset.name().toLowerCase(Locale.ROOT);
        DriftMethod method = args.get("method") == null ? null
                : DriftMethod.named(args.choice("method", null, METHODS));
        if (method != null && !method.numericIn(preset) && !method.categoricalIn(preset)) {
            throw new UsageException("--method " + args.get("method") + " is not a method of the " + presetName
                    + " preset");
        }
        Double threshold = args.get("threshold") == null ? null : threshold(args.get("threshold"));
        String format = args.choice("format", "table", ResultTable.FORMATS);
        List<String> wanted = args.list("columns");
        List<String> forcedCategorical = distinctItems(args, "categorical");
        List<String> forcedNumeric = distinctItems(args, "numeric");
        for (String c : forcedCategorical) {
            if (forcedNumeric.contains(c)) {
                throw new UsageException("--categorical and --numeric both name '" + c + "'");
            }
        }
        Progress progress = new Progress(err, "drift", args.choice("progress", "auto", Progress.MODES));

        // pandas' missing-value words (NA, null, N/A, ...) are missing, as in the data frames the tools are given
        Table ref = DataArgs.read(refFile, args, CsvReader.PANDAS_NA_VALUES);
        Table cur = DataArgs.read(curFile, args, CsvReader.PANDAS_NA_VALUES);
        progress.size((long) (ref.rows() + cur.rows()) * Math.max(ref.columns().size(), cur.columns().size()));
        progress.say(() -> "read " + ref.rows() + " + " + cur.rows() + " rows");
        List<String> text = args.list("text");
        for (Table t : List.of(ref, cur)) {
            for (int j = 0; j < t.columns().size(); j++) {
                String name = t.columns().get(j).name();
                // a stray cell in a column that --columns leaves out stops nothing
                if ((wanted == null || wanted.contains(name)) && (text == null || !text.contains(name))) {
                    Codes.rejectStrayText(t, j);
                }
            }
        }
        List<String> columns = wanted == null ? sameColumns(ref, cur) : named(ref, cur, wanted);
        for (List<String> forced : List.of(forcedCategorical, forcedNumeric)) {
            for (String f : forced) {
                if (!columns.contains(f)) {
                    String option = forced == forcedNumeric ? "--numeric" : "--categorical";
                    for (Table t : List.of(ref, cur)) {
                        DataArgs.columnIndex(t, f, option); // throws, naming the file and its columns
                    }
                    throw new UsageException(option + ": '" + f + "' is not among --columns " + wanted);
                }
            }
        }

        Drift drift = Drift.of(Shannon.get().context());
        ResultTable rt = new ResultTable(List.of("column", "method", "value", "threshold", "drift"));
        rt.meta("reference", refFile.toString()).meta("current", curFile.toString())
                .meta("reference_rows", ref.rows()).meta("current_rows", cur.rows())
                .meta("preset", presetName);
        List<String> skipped = new ArrayList<>();
        int categorical = 0;
        int done = 0;
        for (String name : columns) {
            int rj = ref.indexOf(name);
            int cj = cur.indexOf(name);
            boolean isCategorical = categorical(preset, ref, rj, cur, cj, forcedCategorical.contains(name),
                    forcedNumeric.contains(name), err);
            DriftResult d;
            if (isCategorical) {
                String[] r = categories(preset, ref, rj);
                String[] c = categories(preset, cur, cj);
                DriftMethod m = method != null ? method
                        : preset == DriftPreset.EVIDENTLY ? evidentlyDefault(r, c) : DriftMethod.JENSENSHANNON;
                if (!m.categoricalIn(preset)) {
                    skipOrFail(wanted, name, args.get("method"), "categorical", presetName, skipped);
                    continue;
                }
                if (ref.columns().get(rj) instanceof Column.Text) {
                    d = threshold == null ? drift.categorical(preset, m, r, c)
                            : drift.categorical(preset, m, r, c, threshold);
                } else {
                    // numbers as categories: the same categories, ordered as numbers (Evidently's z)
                    double[] rv = values(ref, rj);
                    double[] cv = values(cur, cj);
                    exactIntegerRanks(ref.columns().get(rj), rv, cur.columns().get(cj), cv);
                    d = threshold == null ? drift.categorical(preset, m, rv, cv)
                            : drift.categorical(preset, m, rv, cv, threshold);
                }
                categorical++;
            } else {
                boolean evidently = preset == DriftPreset.EVIDENTLY;
                // Evidently drops NaN and ±inf; NannyML only NaN (the library's NannyML rules see the infinities)
                double[] r = evidently ? finite(ref, rj) : values(ref, rj);
                double[] c = evidently ? finite(cur, cj) : values(cur, cj);
                DriftMethod m = method != null ? method : evidently ? evidentlyDefault(r, c) : DriftMethod.JENSENSHANNON;
                if (!m.numericIn(preset)) {
                    skipOrFail(wanted, name, args.get("method"), "numeric", presetName, skipped);
                    continue;
                }
                d = threshold == null ? drift.numeric(preset, m, r, c) : drift.numeric(preset, m, r, c, threshold);
            }
            rt.row(name, d.method().toolName(preset), d.value(), d.threshold(), d.drift());
            int n = ++done;
            progress.say(() -> "column " + n + "/" + columns.size() + ": " + name);
        }
        if (!skipped.isEmpty()) {
            note(err, "skipped (--method " + args.get("method") + " lacks their kind): " + String.join(", ", skipped));
        }
        if (done == 0) {
            throw new IllegalArgumentException("no column of " + refFile + " and " + curFile + " for --method "
                    + args.get("method") + " of the " + presetName + " preset");
        }
        int numeric = done - categorical;
        String title = String.format(Locale.ROOT, "%s (%d rows) -> %s (%d rows): %d numeric, %d categorical"
                + " column%s; preset %s", refFile, ref.rows(), curFile, cur.rows(), numeric, categorical,
                done == 1 ? "" : "s", presetName);
        rt.print(format, title, out);
        return 0;
    }

    /** A method given for every column that a column's kind lacks: a note, or an error for a named column. */
    private static void skipOrFail(List<String> wanted, String name, String method, String kind, String preset,
            List<String> skipped) {
        if (wanted != null) {
            throw new UsageException("--method " + method + " is not a " + kind + " method of the " + preset
                    + " preset, and column '" + name + "' is " + kind);
        }
        skipped.add(name + " (" + kind + ")");
    }

    private static List<String> distinctItems(Args args, String option) {
        List<String> items = args.list(option);
        if (items == null) {
            return List.of();
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.indexOf(items.get(i)) != i) {
                throw new UsageException("--" + option + ": '" + items.get(i) + "' given twice");
            }
        }
        return items;
    }

    private static double threshold(String v) {
        try {
            double t = Double.parseDouble(v.strip());
            if (Double.isFinite(t)) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threshold must be a finite number, got '" + v + "'");
    }

    /**
     * Every column of the reference, in its order; the current file must have the same columns (in any order).
     */
    private static List<String> sameColumns(Table ref, Table cur) {
        for (Table[] pair : new Table[][] {{ref, cur}, {cur, ref}}) {
            for (Column c : pair[0].columns()) {
                if (pair[1].indexOf(c.name()) < 0) {
                    throw new IllegalArgumentException("column '" + c.name() + "' of " + pair[0].file()
                            + " is missing from " + pair[1].file() + " (--columns A,B compares some columns only)");
                }
            }
        }
        return ref.names();
    }

    /** The {@code --columns} names: each in both files, once. */
    private static List<String> named(Table ref, Table cur, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            for (Table t : List.of(ref, cur)) {
                if (t.indexOf(w) < 0) {
                    DataArgs.columnIndex(t, w, "--columns"); // throws, naming the file and its columns
                }
            }
            if (out.contains(w)) {
                throw new UsageException("--columns: '" + w + "' given twice");
            }
            out.add(w);
        }
        return out;
    }

    /**
     * Whether a column pair is categorical (see the class Javadoc): checks first that neither file's column is
     * empty and that it is not text in one file and numeric in the other.
     */
    static boolean categorical(DriftPreset preset, Table ref, int rj, Table cur, int cj, boolean forcedCategorical,
            boolean forcedNumeric, PrintStream err) {
        Column r = ref.columns().get(rj);
        Column c = cur.columns().get(cj);
        for (Table t : List.of(ref, cur)) {
            Column x = t == ref ? r : c;
            if (x.missing().cardinality() == x.size()) {
                throw new IllegalArgumentException("column '" + x.name() + "' in " + t.file() + " has no value (all "
                        + x.size() + " cells empty or a missing-value word such as NA): nothing to compare");
            }
        }
        boolean rText = r instanceof Column.Text;
        boolean cText = c instanceof Column.Text;
        if (rText != cText) {
            Table t = rText ? ref : cur;
            Column.Text x = (Column.Text) (rText ? r : c);
            int row = firstNonNumber(x);
            throw t.error(t == ref ? rj : cj, row, "'" + x.levels()[x.codes()[row]] + "' in column '" + x.name()
                    + "': text in " + t.file() + " but numbers in " + (rText ? cur : ref).file()
                    + ": a column must be of one kind in both files (--text " + x.name()
                    + " reads it as text categories in both)");
        }
        if (forcedNumeric && rText) {
            throw new UsageException("--numeric: column '" + r.name() + "' is text (not numbers) in " + ref.file());
        }
        if (forcedCategorical || rText || forcedNumeric) {
            if (rText && preset == DriftPreset.EVIDENTLY) {
                Column.Text x = (Column.Text) c;
                long present = x.size() - x.missing().cardinality();
                if (x.levels().length > 0.5 * present) {
                    note(err, "column '" + x.name() + "' has more distinct values than half its cells in "
                            + cur.file() + ": Evidently would call it Text (its text-content drift, not here);"
                            + " computed as categorical");
                }
            }
            return !forcedNumeric;
        }
        if (preset != DriftPreset.EVIDENTLY || !c.missing().isEmpty()) {
            return false; // (pandas reads an integer column with a missing cell as float64)
        }
        if (c instanceof Column.Ints ints) {
            return distinctInts(ints, EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL + 1)
                    <= EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL;
        }
        // integers beyond the int range: int64 to pandas, so the same rule
        return c instanceof Column.Doubles d && d.integerLiterals() && d.longs() != null
                && Arrays.stream(d.longs()).distinct().limit(EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL + 1).count()
                        <= EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL;
    }

    /** The first row of a text column whose cell is not a number (a text column has one). */
    private static int firstNonNumber(Column.Text x) {
        boolean[] number = new boolean[x.levels().length];
        for (int l = 0; l < number.length; l++) {
            number[l] = x.isNumber(l);
        }
        for (int row = 0; row < x.size(); row++) {
            if (x.codes()[row] >= 0 && !number[x.codes()[row]]) {
                return row;
            }
        }
        throw new AssertionError("text column '" + x.name() + "' of numbers only");
    }

    /** The number of distinct values of an integer column without empty cells, counted up to {@code cap}. */
    private static int distinctInts(Column.Ints ints, int cap) {
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        for (int v : ints.values()) {
            if (seen.add(v) && seen.size() >= cap) {
                break;
            }
        }
        return seen.size();
    }

    /**
     * A column's cells as categories, {@code null} for a missing one: a text column's text; a numeric column's
     * values by value (an integral value as a long, 1.0 as "1", so that 1 and 1.0 are one category as in pandas;
     * others as Java's shortest repr), NaN missing, and ±∞ missing under evidently (its {@code replace([-inf,
     * inf], nan)}) and a category under nannyml. A column left without values is an error naming it and the file.
     */
    static String[] categories(DriftPreset preset, Table t, int j) {
        Column col = t.columns().get(j);
        String[] out = new String[col.size()];
        int present = 0;
        String[] boolLevels = col instanceof Column.Text x ? booleans(x.levels()) : null;
        for (int r = 0; r < out.length; r++) {
            out[r] = switch (col) {
                case Column.Text x -> x.codes()[r] < 0 ? null
                        : (boolLevels != null ? boolLevels : x.levels())[x.codes()[r]];
                case Column.Ints x -> x.missing().get(r) ? null : Integer.toString(x.values()[r]);
                // integers as written: beyond 2^53 their doubles merge neighbours that pandas' int64 keeps apart
                case Column.Doubles x -> x.longs() != null
                        ? (x.missing().get(r) ? null : Long.toString(x.longs()[r]))
                        : category(x.values()[r], preset == DriftPreset.EVIDENTLY);
            };
            present += out[r] == null ? 0 : 1;
        }
        if (present == 0) {
            throw new IllegalArgumentException("column '" + col.name() + "' in " + t.file() + " has no value left ("
                    + col.size() + " empty" + (preset == DriftPreset.EVIDENTLY ? ", NaN or infinite cells, which"
                            + " Evidently drops" : " or NaN cells, which NannyML drops") + "): nothing to compare");
        }
        return out;
    }

    /**
     * pandas reads a column whose every cell is one of its boolean words (True, TRUE, true; False, FALSE, false) as
     * bool, so "True" and "true" are one category: the levels as True/False then, else null.
     */
    private static String[] booleans(String[] levels) {
        String[] out = new String[levels.length];
        for (int l = 0; l < levels.length; l++) {
            out[l] = switch (levels[l]) {
                case "True", "TRUE", "true" -> "True";
                case "False", "FALSE", "false" -> "False";
                default -> null;
            };
            if (out[l] == null) {
                return null;
            }
        }
        return levels.length == 0 ? null : out;
    }

    private static String category(double v, boolean dropInfinite) {
        if (Double.isNaN(v) || (dropInfinite && Double.isInfinite(v))) {
            return null;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 0x1p63) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Evidently 0.7's default stat test for a categorical column, from its present values. */
    static DriftMethod evidentlyDefault(String[] ref, String[] cur) {
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        long refRows = 0;
        for (String s : ref) {
            if (s != null) {
                refRows++;
                seen.add(s);
            }
        }
        for (String s : cur) {
            if (s != null) {
                seen.add(s);
            }
        }
        return DriftMethod.evidentlyDefault(true, refRows, seen.size());
    }

    /**
     * The column's finite values (NaN, ±∞ and empty cells dropped, as Evidently's {@code get_one_column_drift}
     * does first); none left is an error naming the column and the file.
     */
    static double[] finite(Table t, int j) {
        Column c = t.columns().get(j);
        double[] v = new double[c.size()];
        int n = 0;
        for (int r = 0; r < c.size(); r++) {
            double x = switch (c) {
                case Column.Doubles d -> d.values()[r];
                case Column.Ints ints -> ints.missing().get(r) ? Double.NaN : ints.values()[r];
                case Column.Text text -> Double.NaN; // not reached: text columns are categorical
            };
            if (Double.isFinite(x)) {
                v[n++] = x;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("column '" + c.name() + "' in " + t.file() + " has no finite value ("
                    + c.size() + " NaN, infinite or empty cells, which Evidently drops): nothing to compare");
        }
        return n == v.length ? v : Arrays.copyOf(v, n);
    }

    /**
     * Evidently 0.7's default stat test for a numeric column ({@link DriftMethod#evidentlyDefault}, on the
     * cleaned columns).
     */
    static DriftMethod evidentlyDefault(double[] ref, double[] cur) {
        return DriftMethod.evidentlyDefault(false, ref.length, distinct(ref, cur, 6));
    }

    /**
     * The column's cells as doubles, an empty cell as NaN (NannyML drops NaN itself); only NaN is an error naming
     * the column and the file.
     */
    /**
     * Integer columns beyond 2^53 (int64 to pandas) as categories: their doubles would merge neighbours, so each
     * value is replaced by its rank among the distinct integers of both columns, which keeps the categories and
     * their order (all that the categorical tests read). Nothing changes when every integer is exact as a double.
     */
    static void exactIntegerRanks(Column r, double[] rv, Column c, double[] cv) {
        long[] rl = longs(r);
        long[] cl = longs(c);
        if (rl == null || cl == null || !(beyondDoubles(r, rl) || beyondDoubles(c, cl))) {
            return;
        }
        long[] keys = java.util.stream.LongStream.concat(present(r, rl), present(c, cl)).distinct().sorted()
                .toArray();
        for (Object[] side : new Object[][] {{r, rl, rv}, {c, cl, cv}}) {
            Column col = (Column) side[0];
            long[] l = (long[]) side[1];
            double[] v = (double[]) side[2];
            for (int i = 0; i < v.length; i++) {
                if (!col.missing().get(i)) {
                    v[i] = Arrays.binarySearch(keys, l[i]);
                }
            }
        }
    }

    /** A column's integers as written (an int column's values, an integer-literal column's longs), else null. */
    private static long[] longs(Column c) {
        return switch (c) {
            case Column.Ints ints -> Arrays.stream(ints.values()).asLongStream().toArray();
            case Column.Doubles d -> d.longs();
            case Column.Text t -> null;
        };
    }

    private static boolean beyondDoubles(Column c, long[] l) {
        return present(c, l).anyMatch(v -> Math.abs(v) > (1L << 53));
    }

    private static java.util.stream.LongStream present(Column c, long[] l) {
        return java.util.stream.IntStream.range(0, l.length).filter(i -> !c.missing().get(i)).mapToLong(i -> l[i]);
    }

    static double[] values(Table t, int j) {
        Column c = t.columns().get(j);
        double[] v = new double[c.size()];
        boolean any = false;
        for (int r = 0; r < c.size(); r++) {
            v[r] = switch (c) {
                case Column.Doubles d -> d.values()[r];
                case Column.Ints ints -> ints.missing().get(r) ? Double.NaN : ints.values()[r];
                case Column.Text text -> Double.NaN; // not reached: text columns are categorical
            };
            any |= !Double.isNaN(v[r]);
        }
        if (!any) {
            throw new IllegalArgumentException("column '" + c.name() + "' in " + t.file() + " has no value left ("
                    + c.size() + " empty or NaN cells, which NannyML drops): nothing to compare");
        }
        return v;
    }

    /** The number of distinct values of a ∪ b, counted up to {@code cap} (pandas' nunique: −0.0 equals 0.0). */
    private static int distinct(double[] a, double[] b, int cap) {
        java.util.HashSet<Double> seen = new java.util.HashSet<>();
        for (double[] x : List.of(a, b)) {
            for (double v : x) {
                seen.add(v == 0 ? 0.0 : v);
                if (seen.size() >= cap) {
                    return cap;
                }
            }
        }
        return seen.size();
    }

    private static void note(PrintStream err, String s) {
        err.println("shannon4j drift: " + s);
        err.flush();
    }
}
