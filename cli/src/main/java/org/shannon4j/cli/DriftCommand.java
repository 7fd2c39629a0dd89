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
import org.shannon4j.cli.data.Table;
import org.shannon4j.drift.Drift;
import org.shannon4j.drift.DriftMethod;
import org.shannon4j.drift.DriftPreset;
import org.shannon4j.drift.DriftResult;

/**
 * {@code drift}: one row per numeric column of a reference and a current file, the preset's value and decision
 * ({@link Drift#numeric}). A column is numeric when the CSV reader reads it as integer or floating in both files;
 * text columns (categorical) are not supported yet: skipped with a note unless named in {@code --columns}, where
 * they are an error. NaN, ±∞ and empty cells are dropped before the measure, as Evidently drops them.
 */
public final class DriftCommand implements DataCommand {

    static final String USAGE = """
              drift REFERENCE CURRENT [--preset evidently|nannyml] [--method M]
                        [--columns A,B,...] [--threshold T] [--format table|tsv|json]
                        [--progress auto|on|off] [--text A,B] [--delimiter ,]
                        Drift of every numeric column common to both files (or those of
                        --columns) between the reference and the current data, as the
                        preset's tool computes and decides it. evidently = Evidently 0.7:
                        M one of psi kl_div jensenshannon hellinger wasserstein (PSI, KL,
                        JS distance in nats; Hellinger; Wasserstein over the reference's
                        standard deviation; drift is value >= T, T = 0.1 by default) or
                        ks chisquare z (value = p-value; drift is p <= 0.05 for ks,
                        p < 0.05 for chisquare and z). Without --method, Evidently's
                        default choice from the reference size and the distinct values
                        of both: up to 1000 reference values ks (more than 5 values),
                        chisquare (3 to 5) or z (1 or 2); above, jensenshannon (at most
                        5 values) or wasserstein. nannyml = NannyML: M one of
                        jensen_shannon (its default; base-2 JS distance over Doane bins
                        of the reference plus a leftover bin), hellinger,
                        kolmogorov_smirnov (the statistic), wasserstein; T by default
                        NannyML's: mean + 3 sd of the method over ten chunks of the
                        reference; drift is value > T. NannyML drops only NaN: an
                        infinite reference cell is an error, an infinite current cell
                        lies outside the reference's bins. Kinds are inferred from the
                        cells: a column of integers or numbers (nan and inf included) in
                        both files is numeric, any other is text; categorical (text)
                        columns are not supported by this command yet (the library has
                        Drift.categorical): one named in --columns is an error, the
                        others are skipped with a note on stderr. Evidently would treat
                        an integer column with at most 10 distinct values as
                        categorical: here it is numeric (noted on stderr). With
                        evidently, NaN, +-inf and empty cells are dropped first; a
                        column left empty is an error naming the column and file.
                        --progress: lines on stderr (auto: inputs of 1e6+ cells, past 1 s).""".indent(2)
            .stripTrailing();

    /** Evidently 0.7 infers an integer column with at most this many distinct values as categorical. */
    static final int EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL = 10;

    static final List<String> PRESETS = List.of("evidently", "nannyml");

    static final List<String> METHODS = DriftMethod.names();

    private static final Set<String> OPTIONS = Set.of("preset", "method", "columns", "threshold", "format",
            "progress", "text", "delimiter");

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
        DriftMethod method = args.get("method") == null ? null
                : DriftMethod.named(args.choice("method", null, METHODS));
        Double threshold = args.get("threshold") == null ? null : threshold(args.get("threshold"));
        String format = args.choice("format", "table", ResultTable.FORMATS);
        List<String> wanted = args.list("columns");
        Progress progress = new Progress(err, "drift", args.choice("progress", "auto", Progress.MODES));

        Table ref = DataArgs.read(refFile, args);
        Table cur = DataArgs.read(curFile, args);
        progress.size((long) (ref.rows() + cur.rows()) * Math.max(ref.columns().size(), cur.columns().size()));
        progress.say(() -> "read " + ref.rows() + " + " + cur.rows() + " rows");
        List<String> text = args.list("text");
        for (Table t : List.of(ref, cur)) {
            for (int j = 0; j < t.columns().size(); j++) {
                if (text == null || !text.contains(t.columns().get(j).name())) {
                    Codes.rejectStrayText(t, j);
                }
            }
        }
        List<String> columns = wanted == null ? commonNumeric(ref, cur, err) : named(ref, cur, wanted);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no numeric column common to " + refFile + " and " + curFile);
        }

        Drift drift = Drift.of(Shannon.get().context());
        ResultTable rt = new ResultTable(List.of("column", "method", "value", "threshold", "drift"));
        rt.meta("reference", refFile.toString()).meta("current", curFile.toString())
                .meta("reference_rows", ref.rows()).meta("current_rows", cur.rows())
                .meta("preset", preset.name().toLowerCase(Locale.ROOT));
        int done = 0;
        for (String name : columns) {
            int rj = ref.indexOf(name);
            int cj = cur.indexOf(name);
            boolean evidently = preset == DriftPreset.EVIDENTLY;
            // Evidently drops NaN and ±inf; NannyML only NaN (the library's NannyML rules see the infinities)
            double[] r = evidently ? finite(ref, rj) : values(ref, rj);
            double[] c = evidently ? finite(cur, cj) : values(cur, cj);
            if (evidently) {
                noteEvidentlyCategorical(ref.columns().get(rj), cur.columns().get(cj), err);
            }
            DriftMethod m = method != null ? method : evidently ? evidentlyDefault(r, c) : DriftMethod.JENSENSHANNON;
            if (!m.numericIn(preset)) {
                throw new UsageException("--method " + args.get("method") + " is not a numeric method of the "
                        + preset.name().toLowerCase(Locale.ROOT) + " preset");
            }
            DriftResult d = threshold == null ? drift.numeric(preset, m, r, c)
                    : drift.numeric(preset, m, r, c, threshold);
            rt.row(name, m.toolName(preset), d.value(), d.threshold(), d.drift());
            int n = ++done;
            progress.say(() -> "column " + n + "/" + columns.size() + ": " + name);
        }
        String title = String.format(Locale.ROOT, "%s (%d rows) -> %s (%d rows): %d numeric column%s; preset %s",
                refFile, ref.rows(), curFile, cur.rows(), columns.size(), columns.size() == 1 ? "" : "s", preset.name().toLowerCase(Locale.ROOT));
        rt.print(format, title, out);
        return 0;
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
     * Every column numeric in both files, in the reference's order; text columns and columns of one file only
     * are skipped with a note (a column numeric in one file and text in the other is an error).
     */
    private static List<String> commonNumeric(Table ref, Table cur, PrintStream err) {
        List<String> out = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<String> onlyRef = new ArrayList<>();
        for (Column c : ref.columns()) {
            int cj = cur.indexOf(c.name());
            if (cj < 0) {
                onlyRef.add(c.name());
            } else if (kindsAgree(ref, cur, c.name())) {
                out.add(c.name());
            } else {
                text.add(c.name());
            }
        }
        List<String> onlyCur = cur.names().stream().filter(n -> ref.indexOf(n) < 0).toList();
        if (!text.isEmpty()) {
            note(err, "skipped text (categorical) columns, not supported yet: " + String.join(", ", text));
        }
        if (!onlyRef.isEmpty()) {
            note(err, "skipped columns only in " + ref.file() + ": " + String.join(", ", onlyRef));
        }
        if (!onlyCur.isEmpty()) {
            note(err, "skipped columns only in " + cur.file() + ": " + String.join(", ", onlyCur));
        }
        return out;
    }

    /** The {@code --columns} names: each in both files and numeric in both. */
    private static List<String> named(Table ref, Table cur, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            for (Table t : List.of(ref, cur)) {
                if (t.indexOf(w) < 0) {
                    DataArgs.columnIndex(t, w, "--columns"); // throws, naming the file and its columns
                }
            }
            if (!kindsAgree(ref, cur, w)) {
                throw new UsageException("--columns: '" + w + "' is a text column: categorical drift is not"
                        + " supported yet (numeric columns only)");
            }
            if (out.contains(w)) {
                throw new UsageException("--columns: '" + w + "' given twice");
            }
            out.add(w);
        }
        return out;
    }

    /**
     * Whether column {@code name} is numeric in both files (false: text in both); numeric in one and text in the
     * other is an error naming both files.
     */
    private static boolean kindsAgree(Table ref, Table cur, String name) {
        boolean r = numeric(ref.columns().get(ref.indexOf(name)));
        boolean c = numeric(cur.columns().get(cur.indexOf(name)));
        if (r != c) {
            throw new IllegalArgumentException("column '" + name + "' is " + (r ? "numeric" : "text") + " in "
                    + ref.file() + " but " + (c ? "numeric" : "text") + " in " + cur.file()
                    + ": a column must be of one kind in both files");
        }
        return r;
    }

    /**
     * Whether a column counts as numeric: integer or floating, or without any cell (the reader cannot tell its
     * kind; {@link #finite} then says it is empty).
     */
    private static boolean numeric(Column c) {
        return !(c instanceof Column.Text t) || t.missing().cardinality() == t.size();
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
                case Column.Text text -> Double.NaN; // only an all-empty one comes here (see numeric)
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

    /** The column's cells as doubles, an empty cell as NaN (NannyML drops NaN itself). */
    static double[] values(Table t, int j) {
        Column c = t.columns().get(j);
        double[] v = new double[c.size()];
        for (int r = 0; r < c.size(); r++) {
            v[r] = switch (c) {
                case Column.Doubles d -> d.values()[r];
                case Column.Ints ints -> ints.missing().get(r) ? Double.NaN : ints.values()[r];
                case Column.Text text -> Double.NaN;
            };
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

    private static void noteEvidentlyCategorical(Column ref, Column cur, PrintStream err) {
        if (ref instanceof Column.Ints ints && cur instanceof Column.Ints) {
            java.util.HashSet<Integer> seen = new java.util.HashSet<>();
            for (int r = 0; r < ints.size() && seen.size() <= EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL; r++) {
                if (!ints.missing().get(r)) {
                    seen.add(ints.values()[r]);
                }
            }
            if (seen.size() <= EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL) {
                note(err, "column '" + ints.name() + "' has at most " + EVIDENTLY_MAX_INT_VALUES_FOR_CATEGORICAL
                        + " distinct integers: Evidently would treat it as categorical; computed as numeric here");
            }
        }
    }

    private static void note(PrintStream err, String s) {
        err.println("shannon4j drift: " + s);
        err.flush();
    }
}
