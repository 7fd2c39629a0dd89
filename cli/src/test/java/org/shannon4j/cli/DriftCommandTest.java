package org.shannon4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.shannon4j.Shannon;
import org.shannon4j.drift.Drift;
import org.shannon4j.drift.DriftMethod;
import org.shannon4j.drift.DriftPreset;
import org.shannon4j.drift.DriftResult;

class DriftCommandTest {

    /** 300 + 300 rows written by examples/make_drift.py: latency_ms shifts, temperature does not, region is text. */
    private static final String REF = "examples/drift_reference.csv";
    private static final String CUR = "examples/drift_current.csv";

    private static final String HEADER = "column\tmethod\tvalue\tthreshold\tdrift";

    @TempDir
    Path dir;

    private static CliRun drift(String... args) {
        return CliRun.of(new DriftCommand(), args);
    }

    /** Column {@code name} of a plain CSV file without quotes, read independently of the CLI's reader. */
    private static double[] column(String file, String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        int j = Arrays.asList(lines.getFirst().split(",", -1)).indexOf(name);
        return lines.subList(1, lines.size()).stream().mapToDouble(l -> Double.parseDouble(l.split(",", -1)[j]))
                .toArray();
    }

    /** Column {@code name} of a plain CSV file without quotes as text, an empty cell as null. */
    private static String[] text(String file, String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        int j = Arrays.asList(lines.getFirst().split(",", -1)).indexOf(name);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[j]).map(v -> v.isEmpty() ? null : v)
                .toArray(String[]::new);
    }

    private static String expectedRow(String name, DriftResult r) {
        return name + "\t" + r.method().toolName() + "\t" + ResultTable.g17(r.value()) + "\t"
                + ResultTable.g17(r.threshold()) + "\t" + r.drift();
    }

    /** Every method's tsv row is the library's result on the same columns, printed as %.17g. */
    static List<DriftMethod> evidentlyMethods() {
        return java.util.Arrays.stream(DriftMethod.values()).filter(m -> m.numericIn(DriftPreset.EVIDENTLY)).toList();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("evidentlyMethods")
    void tsvMatchesTheLibrary(DriftMethod method) throws IOException {
        CliRun r = drift(REF, CUR, "--method", method.toolName(), "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        Drift d = Drift.of(Shannon.get().context());
        StringBuilder expected = new StringBuilder(HEADER).append('\n');
        for (String c : List.of("latency_ms", "temperature", "items")) {
            expected.append(expectedRow(c, d.numeric(DriftPreset.EVIDENTLY, method, column(REF, c), column(CUR, c))))
                    .append('\n');
        }
        if (method.categoricalIn(DriftPreset.EVIDENTLY)) {
            expected.append(expectedRow("region", d.categorical(DriftPreset.EVIDENTLY, method, text(REF, "region"),
                    text(CUR, "region")))).append('\n');
            assertEquals("", r.err());
        } else {
            assertEquals("shannon4j drift: skipped (--method " + method.toolName() + " lacks their kind): region"
                    + " (categorical)\n", r.err());
        }
        assertEquals(expected.toString(), r.out());
    }

    /** The shifted column drifts under PSI, the stable one does not (the example's point). */
    @Test
    void driftTrueAndFalse() {
        CliRun r = drift(REF, CUR, "--method", "psi", "--format", "tsv", "--columns", "temperature,latency_ms");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals(HEADER, lines.get(0));
        assertTrue(lines.get(1).startsWith("temperature\tpsi\t") && lines.get(1).endsWith("\t0.10000000000000001\tfalse"),
                r.out());
        assertTrue(lines.get(2).startsWith("latency_ms\tpsi\t") && lines.get(2).endsWith("\t0.10000000000000001\ttrue"),
                r.out());
        // --columns names only numeric columns: nothing is noted
        assertEquals("", r.err());
    }

    @Test
    void thresholdChangesTheDecision() throws IOException {
        CliRun r = drift(REF, CUR, "--method", "psi", "--format", "tsv", "--columns", "latency_ms", "--threshold", "5");
        assertEquals(0, r.status(), r.err());
        DriftResult e = Drift.of(Shannon.get().context()).numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI,
                column(REF, "latency_ms"), column(CUR, "latency_ms"), 5);
        assertEquals(HEADER + "\n" + expectedRow("latency_ms", e) + "\n", r.out());
        assertTrue(r.out().endsWith("\t5\tfalse\n"), r.out());
    }

    @Test
    void tableAndJson() {
        CliRun r = drift(REF, CUR, "--method", "wasserstein", "--columns", "temperature");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith(REF + " (300 rows) -> " + CUR + " (300 rows): 1 numeric, 0 categorical column; preset"
                + " evidently\ncolumn       method          value  threshold  drift\ntemperature  wasserstein"), r.out());
        r = drift(REF, CUR, "--method", "kl_div", "--columns", "temperature", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("{\"reference\": \"" + REF + "\", \"current\": \"" + CUR + "\","
                + " \"reference_rows\": 300, \"current_rows\": 300, \"preset\": \"evidently\", \"results\": [\n"
                + "  {\"column\": \"temperature\", \"method\": \"kl_div\", \"value\": "), r.out());
        assertTrue(r.out().endsWith(", \"threshold\": 0.1, \"drift\": false}\n]}\n"), r.out());
    }

    /** NaN, ±inf and empty cells are dropped before the measure, as Evidently does. */
    @Test
    void nonFiniteAndEmptyCellsAreDropped() throws IOException {
        Path ref = dir.resolve("ref.csv");
        Path cur = dir.resolve("cur.csv");
        Files.writeString(ref, "x,n\n1.5,1\nnan,2\n2.5,\n3.5,4\ninf,5\n-1,6\n");
        Files.writeString(cur, "x,n\n1.25,2\n,3\n-inf,4\n4.5,5\n");
        CliRun r = drift(ref.toString(), cur.toString(), "--method", "wasserstein", "--format", "tsv",
                "--numeric", "n");
        assertEquals(0, r.status(), r.err());
        Drift d = Drift.of(Shannon.get().context());
        assertEquals(HEADER + "\n"
                + expectedRow("x", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.WASSERSTEIN,
                        new double[] {1.5, 2.5, 3.5, -1}, new double[] {1.25, 4.5})) + "\n"
                + expectedRow("n", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.WASSERSTEIN,
                        new double[] {1, 2, 4, 5, 6}, new double[] {2, 3, 4, 5})) + "\n", r.out());
        assertEquals("", r.err());
        // without --numeric, n (integers, at most 10 distinct values in the current file) is categorical as
        // Evidently infers it, and Wasserstein has no categorical form: skipped, and said so
        r = drift(ref.toString(), cur.toString(), "--method", "wasserstein", "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        assertEquals(HEADER + "\n" + expectedRow("x", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.WASSERSTEIN,
                new double[] {1.5, 2.5, 3.5, -1}, new double[] {1.25, 4.5})) + "\n", r.out());
        assertEquals("shannon4j drift: skipped (--method wasserstein lacks their kind): n (categorical)\n", r.err());
        // named in --columns, it is an error
        r = drift(ref.toString(), cur.toString(), "--method", "wasserstein", "--columns", "n");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: --method wasserstein is not a categorical method of the"
                + " evidently preset, and column 'n' is categorical\n"), r.err());
    }

    /** Over 1000 reference values Evidently's default is normed Wasserstein, or JS for at most 5 values. */
    @Test
    void evidentlyDefaultMethodOverThousandRows() throws IOException {
        Random rnd = new Random(15);
        StringBuilder ref = new StringBuilder("wide,few\n");
        StringBuilder cur = new StringBuilder("wide,few\n");
        for (int i = 0; i < 1001; i++) {
            ref.append(rnd.nextGaussian()).append(',').append(rnd.nextInt(5) * 0.5).append('\n');
            cur.append(rnd.nextGaussian() + 0.3).append(',').append(rnd.nextInt(4) * 0.5).append('\n');
        }
        Path r = Files.writeString(dir.resolve("ref.csv"), ref);
        Path c = Files.writeString(dir.resolve("cur.csv"), cur);
        CliRun run = drift(r.toString(), c.toString(), "--format", "tsv");
        assertEquals(0, run.status(), run.err());
        Drift d = Drift.of(Shannon.get().context());
        assertEquals(HEADER + "\n"
                + expectedRow("wide", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.WASSERSTEIN,
                        column(r.toString(), "wide"), column(c.toString(), "wide"))) + "\n"
                + expectedRow("few", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.JENSENSHANNON,
                        column(r.toString(), "few"), column(c.toString(), "few"))) + "\n", run.out());
    }

    /** At most 1000 reference values Evidently's default is KS, chi-square (3 to 5 values) or Z (1 or 2). */
    @Test
    void evidentlyDefaultTestsUpToThousandRows() throws IOException {
        Drift d = Drift.of(Shannon.get().context());
        CliRun r = drift(REF, CUR, "--format", "tsv", "--columns", "latency_ms");
        assertEquals(0, r.status(), r.err());
        assertEquals(HEADER + "\n" + expectedRow("latency_ms", d.numeric(DriftPreset.EVIDENTLY,
                DriftMethod.KOLMOGOROV_SMIRNOV, column(REF, "latency_ms"), column(CUR, "latency_ms"))) + "\n", r.out());
        Path ref = Files.writeString(dir.resolve("ref.csv"), "x\n1\n2\n3\n");
        Path cur = Files.writeString(dir.resolve("cur.csv"), "x\n1\n2\n");
        r = drift(ref.toString(), cur.toString(), "--format", "tsv");
        assertTrue(r.out().contains("x\tchisquare\t"), r.out());
        Files.writeString(ref, "x\n1\n2\n");
        r = drift(ref.toString(), cur.toString(), "--format", "tsv");
        assertTrue(r.out().contains("x\tz\t1\t0.050000000000000003\tfalse"), r.out());
    }

    /** --preset nannyml: its names, its default method and threshold, and its strict decision. */
    @Test
    void nannymlPreset() throws IOException {
        Drift d = Drift.of(Shannon.get().context());
        CliRun r = drift(REF, CUR, "--preset", "nannyml", "--format", "tsv", "--columns", "latency_ms,temperature");
        assertEquals(0, r.status(), r.err());
        StringBuilder want = new StringBuilder(HEADER).append('\n');
        for (String c : List.of("latency_ms", "temperature")) {
            DriftResult e = d.numeric(DriftPreset.NANNYML, DriftMethod.JENSENSHANNON, column(REF, c), column(CUR, c));
            want.append(c).append("\tjensen_shannon\t").append(ResultTable.g17(e.value())).append('\t')
                    .append(ResultTable.g17(e.threshold())).append('\t').append(e.drift()).append('\n');
        }
        assertEquals(want.toString(), r.out());
        r = drift(REF, CUR, "--preset", "nannyml", "--method", "psi");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--method psi is not a method of the nannyml preset"), r.err());
        r = drift(REF, CUR, "--preset", "nannyml", "--method", "kolmogorov_smirnov", "--threshold", "0.5",
                "--format", "tsv", "--columns", "latency_ms");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith(HEADER + "\nlatency_ms\tkolmogorov_smirnov\t"), r.out());
    }

    /** A file that is not there says so (the JDK's message was only the path again). */
    @Test
    void aMissingFileSaysSo() {
        Path gone = dir.resolve("gone.csv");
        CliRun r = drift(REF, gone.toString(), "--method", "psi");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: " + gone + ": no such file\n", r.err());
        r = drift(gone.resolveSibling("gone.npy").toString(), REF, "--method", "psi");
        assertEquals("shannon4j drift: " + gone.resolveSibling("gone.npy") + ": no such file\n", r.err());
    }

    @Test
    void columnMissingInOneFileNamesTheFile() throws IOException {
        Path cur = Files.writeString(dir.resolve("cur.csv"), "latency_ms,items\n1.5,3\n2.5,4\n");
        CliRun r = drift(REF, cur.toString(), "--method", "psi", "--columns", "latency_ms,temperature");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: --columns: no column 'temperature' in " + cur
                + " (columns: latency_ms, items)"), r.err());
        r = drift(cur.toString(), REF, "--method", "psi", "--columns", "temperature");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: --columns: no column 'temperature' in " + cur), r.err());
        // without --columns the files must have the same columns: the first missing one and the file lacking it
        r = drift(REF, cur.toString(), "--method", "psi", "--format", "tsv");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: column 'temperature' of " + REF + " is missing from " + cur
                + " (--columns A,B compares some columns only)\n", r.err());
        Path more = Files.writeString(dir.resolve("more.csv"), "latency_ms,temperature,items,region,extra\n1,2,3,a,4\n");
        r = drift(REF, more.toString(), "--method", "psi");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: column 'extra' of " + more + " is missing from " + REF
                + " (--columns A,B compares some columns only)\n", r.err());
        r = drift(REF, cur.toString(), "--method", "psi", "--format", "tsv", "--columns", "items,latency_ms");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(HEADER, "items", "latency_ms"),
                r.out().lines().map(l -> l.equals(HEADER) ? l : l.split("\t")[0]).toList());
    }

    /** A column text in one file and numbers in the other: an error at the first text cell, either way round. */
    @Test
    void textInOneFileNumbersInTheOther() throws IOException {
        Path cur = Files.writeString(dir.resolve("cur.csv"), "region,latency_ms\n1,2\n2,3\n");
        CliRun r = drift(REF, cur.toString(), "--method", "psi", "--columns", "region");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: " + REF + ":2:16: 'south' in column 'region': text in " + REF
                + " but numbers in " + cur + ": a column must be of one kind in both files (--text region reads it"
                + " as text categories in both)\n", r.err());
        Path ref = Files.writeString(dir.resolve("ref.csv"), "region,latency_ms\n1,2\n,3\nx y,4\n7,5\nz,6\n");
        r = drift(cur.toString(), ref.toString(), "--method", "psi");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: " + ref + ":4:1: 'x y' in column 'region': text in " + ref
                + " but numbers in " + cur + ": a column must be of one kind in both files (--text region reads it"
                + " as text categories in both)\n", r.err());
        // --text reads both as text: categories "1", "2" against "1", "x y", "7", "z"
        r = drift(cur.toString(), ref.toString(), "--method", "psi", "--text", "region", "--columns", "region",
                "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        assertEquals(HEADER + "\n" + expectedRow("region", Drift.of(Shannon.get().context()).categorical(
                DriftPreset.EVIDENTLY, DriftMethod.PSI, new String[] {"1", "2"}, new String[] {"1", null, "x y", "7", "z"}))
                + "\n", r.out());
    }

    @Test
    void emptyOrAllNanColumnNamesColumnAndFile() throws IOException {
        // "NAN": a NaN to the number syntax, not one of pandas' missing-value words (those are missing cells)
        Path ref = Files.writeString(dir.resolve("ref.csv"), "x,y\n1,NAN\n2,NAN\n");
        Path cur = Files.writeString(dir.resolve("cur.csv"), "x,y\n,1\n,2\n");
        CliRun r = drift(ref.toString(), cur.toString(), "--method", "psi", "--columns", "x");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: column 'x' in " + cur + " has no value (all 2 cells empty or a"
                + " missing-value word such as NA): nothing to compare\n", r.err());
        r = drift(ref.toString(), cur.toString(), "--method", "psi", "--columns", "y", "--numeric", "y");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: column 'y' in " + ref + " has no finite value"), r.err());
        // y's current integers make it categorical for evidently: the same error for its categories
        r = drift(ref.toString(), cur.toString(), "--method", "psi", "--columns", "y");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: column 'y' in " + ref + " has no value left (2 empty, NaN"
                + " or infinite cells, which Evidently drops)"), r.err());
        // nannyml drops NaN only, and says so
        r = drift(ref.toString(), cur.toString(), "--preset", "nannyml", "--columns", "y", "--categorical", "y",
                "--method", "l_infinity", "--threshold", "0.5");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: column 'y' in " + ref + " has no value left (2 empty or"
                + " NaN cells, which NannyML drops)"), r.err());
        r = drift(ref.toString(), cur.toString(), "--preset", "nannyml", "--columns", "y", "--threshold", "0.5");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: column 'y' in " + ref + " has no value left (2 empty or NaN cells, which"
                + " NannyML drops): nothing to compare\n", r.err());
        Path header = Files.writeString(dir.resolve("header.csv"), "x,y\n");
        r = drift(ref.toString(), header.toString(), "--method", "psi");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: " + header + ":1: no data rows after the header\n", r.err());
    }

    /**
     * What pandas makes of cells the tools see differently from their text: boolean words in any of its cases are one
     * bool category (True and true: no drift), integers beyond 2^53 stay distinct int64 categories (Evidently's z
     * finds the drift), float noise next to a value (0.1 + 0.2 and 0.3) gets numpy's repeated Hellinger edges, and a
     * stray cell in a column --columns leaves out stops nothing. Values as Evidently 0.7.21 gave them (pandas 1.5).
     */
    @Test
    void pandasReadingOfBooleansBigIntegersAndFloatNoise() throws IOException {
        StringBuilder ref = new StringBuilder("b,k,noise,other\n");
        StringBuilder cur = new StringBuilder("b,k,noise,other\n");
        for (int i = 0; i < 100; i++) {
            ref.append(i % 2 == 0 ? "True" : "False").append(',').append(i % 2 == 0 ? "9007199254740992"
                    : "9007199254740993").append(',').append(i < 95 ? "0.3" : "0.30000000000000004").append(',')
                    .append(i == 7 ? "0x10" : Integer.toString(i)).append('\n');
            cur.append(i % 2 == 0 ? "true" : "false").append(",9007199254740993,")
                    .append(i < 50 ? "0.3" : "0.30000000000000004").append(',').append(i).append('\n');
        }
        Path r = Files.writeString(dir.resolve("pref.csv"), ref);
        Path c = Files.writeString(dir.resolve("pcur.csv"), cur);
        CliRun run = drift(r.toString(), c.toString(), "--format", "tsv", "--columns", "b,k");
        assertEquals(0, run.status(), run.err());
        assertEquals(HEADER + "\nb\tz\t1\t0.050000000000000003\tfalse\n"
                + "k\tz\t2.2204460492503131e-16\t0.050000000000000003\ttrue\n", run.out());
        run = drift(r.toString(), c.toString(), "--format", "tsv", "--columns", "noise", "--method", "hellinger");
        assertEquals(0, run.status(), run.err());
        assertEquals(HEADER + "\nnoise\thellinger\t0\t0.10000000000000001\tfalse\n", run.out());
        run = drift(r.toString(), c.toString(), "--format", "tsv");
        assertEquals(1, run.status(), run.out());
        assertTrue(run.err().contains("'0x10' in column 'other'"), run.err());
    }

    private static final String CREF = "examples/drift_categorical_reference.csv";
    private static final String CCUR = "examples/drift_categorical_current.csv";

    /**
     * The categorical example (examples/make_drift_categorical.py): text columns are categorical under both presets;
     * support_tickets (integers 0..4) is categorical under evidently only; each row is the library's result.
     */
    @Test
    void categoricalExampleBothPresets() throws IOException {
        Drift d = Drift.of(Shannon.get().context());
        CliRun r = drift(CREF, CCUR, "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        StringBuilder want = new StringBuilder(HEADER).append('\n');
        for (String c : List.of("plan", "device", "country", "support_tickets")) {
            String[] ref = text(CREF, c);
            String[] cur = text(CCUR, c);
            DriftMethod m = DriftMethod.evidentlyDefault(true, Arrays.stream(ref).filter(v -> v != null).count(),
                    java.util.stream.Stream.concat(Arrays.stream(ref), Arrays.stream(cur)).filter(v -> v != null)
                            .distinct().count());
            assertEquals(DriftMethod.CHI_SQUARE, m);
            want.append(expectedRow(c, d.categorical(DriftPreset.EVIDENTLY, m, ref, cur))).append('\n');
        }
        want.append(expectedRow("session_min", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.KOLMOGOROV_SMIRNOV,
                column(CREF, "session_min"), column(CCUR, "session_min")))).append('\n');
        assertEquals(want.toString(), r.out());
        assertEquals("", r.err());
        // the unseen category BR makes chi-square's statistic infinite: p = 0, drift
        assertTrue(r.out().contains("\ncountry\tchisquare\t0\t0.050000000000000003\ttrue\n"), r.out());

        r = drift(CREF, CCUR, "--format", "tsv", "--preset", "nannyml");
        assertEquals(0, r.status(), r.err());
        want = new StringBuilder(HEADER).append('\n');
        for (String c : List.of("plan", "device", "country")) {
            DriftResult e = d.categorical(DriftPreset.NANNYML, DriftMethod.JENSENSHANNON, text(CREF, c), text(CCUR, c));
            want.append(c).append("\tjensen_shannon\t").append(ResultTable.g17(e.value())).append('\t')
                    .append(ResultTable.g17(e.threshold())).append('\t').append(e.drift()).append('\n');
        }
        for (String c : List.of("support_tickets", "session_min")) {
            DriftResult e = d.numeric(DriftPreset.NANNYML, DriftMethod.JENSENSHANNON, column(CREF, c), column(CCUR, c));
            want.append(c).append("\tjensen_shannon\t").append(ResultTable.g17(e.value())).append('\t')
                    .append(ResultTable.g17(e.threshold())).append('\t').append(e.drift()).append('\n');
        }
        assertEquals(want.toString(), r.out());
        // --categorical makes NannyML treat the integers as categories too; l_infinity then skips the numeric column
        r = drift(CREF, CCUR, "--format", "tsv", "--preset", "nannyml", "--categorical", "support_tickets",
                "--method", "l_infinity");
        assertEquals(0, r.status(), r.err());
        DriftResult e = d.categorical(DriftPreset.NANNYML, DriftMethod.L_INFINITY, text(CREF, "support_tickets"),
                text(CCUR, "support_tickets"));
        assertTrue(r.out().contains("\nsupport_tickets\tl_infinity\t" + ResultTable.g17(e.value()) + "\t"),
                r.out());
        assertEquals("shannon4j drift: skipped (--method l_infinity lacks their kind): session_min (numeric)\n",
                r.err());
    }

    /**
     * Numbers as categories are compared by value (1 and 1.0 are one category, as in pandas); evidently drops
     * ±inf, nannyml keeps it as a category; --numeric overrides Evidently's integer rule.
     */
    @Test
    void numbersAsCategories() throws IOException {
        Path ref = Files.writeString(dir.resolve("ref.csv"), "k\n1\n2.0\ninf\n2\nnan\n1\n1\n2\n3\n1\n1\n");
        Path cur = Files.writeString(dir.resolve("cur.csv"), "k\n1.0\n-inf\n2\n2\n3.5\n");
        Drift d = Drift.of(Shannon.get().context());
        CliRun r = drift(ref.toString(), cur.toString(), "--categorical", "k", "--method", "psi", "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        assertEquals(HEADER + "\n" + expectedRow("k", d.categorical(DriftPreset.EVIDENTLY, DriftMethod.PSI,
                new String[] {"1", "2", "2", "1", "1", "2", "3", "1", "1"}, new String[] {"1", "2", "2", "3.5"}))
                + "\n", r.out());
        r = drift(ref.toString(), cur.toString(), "--categorical", "k", "--preset", "nannyml", "--method",
                "l_infinity", "--threshold", "0.2", "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        assertEquals(HEADER + "\n" + "k\tl_infinity\t" + ResultTable.g17(d.categorical(DriftPreset.NANNYML,
                DriftMethod.L_INFINITY, new String[] {"1", "2", "inf", "2", null, "1", "1", "2", "3", "1", "1"},
                new String[] {"1", "-inf", "2", "2", "3.5"}, 0.2).value()) + "\t0.20000000000000001\ttrue\n",
                r.out());
        // integers with few values in the current file: categorical under evidently unless --numeric
        Path ints = Files.writeString(dir.resolve("ints.csv"), "k\n1\n2\n2\n3\n");
        r = drift(ref.toString(), ints.toString(), "--format", "tsv", "--method", "psi");
        assertEquals(0, r.status(), r.err());
        assertEquals(HEADER + "\n" + expectedRow("k", d.categorical(DriftPreset.EVIDENTLY, DriftMethod.PSI,
                new String[] {"1", "2", "2", "1", "1", "2", "3", "1", "1"}, new String[] {"1", "2", "2", "3"}))
                + "\n", r.out());
        r = drift(ref.toString(), ints.toString(), "--format", "tsv", "--method", "psi", "--numeric", "k");
        assertEquals(0, r.status(), r.err());
        assertEquals(HEADER + "\n" + expectedRow("k", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI,
                new double[] {1, 2, 2, 1, 1, 2, 3, 1, 1}, new double[] {1, 2, 2, 3})) + "\n", r.out());
        // a float column, or an integer one with an empty cell (pandas: float), stays numeric
        Files.writeString(ints, "k\n1\n2\n\n3\n");
        r = drift(ref.toString(), ints.toString(), "--format", "tsv", "--method", "psi");
        assertEquals(HEADER + "\n" + expectedRow("k", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.PSI,
                new double[] {1, 2, 2, 1, 1, 2, 3, 1, 1}, new double[] {1, 2, 3})) + "\n", r.out());
    }

    /**
     * Evidently's z tests "not the first category" of Python's sorted keys: numbers as numbers (an integer column
     * is categorical), text by code points. Expected values from Evidently 0.7.21's own _z_stat_test (an audit
     * against its source): "-3" is the first category here, where the strings would put "-1" first.
     */
    @Test
    void zTestsTheLeastNumberAndTheLeastCodePoints() throws IOException {
        StringBuilder ref = new StringBuilder("n\n");
        StringBuilder cur = new StringBuilder("n\n");
        for (int i = 0; i < 10; i++) {
            ref.append("-3\n-1\n");
            cur.append("-1\n-2\n");
        }
        Path r = Files.writeString(dir.resolve("zref.csv"), ref);
        Path c = Files.writeString(dir.resolve("zcur.csv"), cur);
        CliRun run = drift(r.toString(), c.toString(), "--method", "z");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("true"), run.out());
        Drift drift = Drift.of(Shannon.get().context());
        double[] rn = new double[20];
        double[] cn = new double[20];
        for (int i = 0; i < 20; i++) {
            rn[i] = i % 2 == 0 ? -3 : -1;
            cn[i] = i % 2 == 0 ? -1 : -2;
        }
        DriftResult z = drift.categorical(DriftPreset.EVIDENTLY, DriftMethod.Z, rn, cn);
        assertEquals(0x3f3116513f07c000L, Double.doubleToRawLongBits(z.value()), Double.toString(z.value()));
        assertEquals(z, drift.numeric(DriftPreset.EVIDENTLY, DriftMethod.Z, rn, cn));
        // text: U+FF01 before U+1F600 by code points (Java's UTF-16 order puts the surrogate pair first)
        String[] rt = new String[20];
        String[] ct = new String[20];
        for (int i = 0; i < 20; i++) {
            rt[i] = i < 10 ? "\uFF01" : "\uD83D\uDE00";
            ct[i] = i < 10 ? "\uFF01" : "\uFF5A";
        }
        DriftResult t = drift.categorical(DriftPreset.EVIDENTLY, DriftMethod.Z, rt, ct);
        assertEquals(1.0, t.value());
        assertEquals(false, t.drift());
    }

    /** pandas' missing-value words are missing cells; integers beyond the int range are int64 to pandas. */
    @Test
    void pandasMissingWordsAndWideIntegers() throws IOException {
        Path ref = Files.writeString(dir.resolve("naref.csv"), "v\n1.5\nNA\n2.5\nnull\n3.5\n");
        Path cur = Files.writeString(dir.resolve("nacur.csv"), "v\nN/A\n1.0\n2.0\n4.5\n");
        CliRun run = drift(ref.toString(), cur.toString(), "--method", "ks", "--format", "tsv");
        assertEquals(0, run.status(), run.err());
        DriftResult ks = Drift.of(Shannon.get().context()).numeric(DriftPreset.EVIDENTLY,
                DriftMethod.KOLMOGOROV_SMIRNOV, new double[] {1.5, 2.5, 3.5}, new double[] {1.0, 2.0, 4.5});
        assertEquals(HEADER + "\n" + expectedRow("v", ks) + "\n", run.out());
        // 3e9 + a few values, no missing cell: categorical as a pandas int64 column (chisquare by default)
        StringBuilder wr = new StringBuilder("w\n");
        StringBuilder wc = new StringBuilder("w\n");
        for (int i = 0; i < 40; i++) {
            wr.append(3_000_000_000L + i % 4).append('\n');
            wc.append(3_000_000_000L + i % 3).append('\n');
        }
        run = drift(Files.writeString(dir.resolve("wref.csv"), wr).toString(),
                Files.writeString(dir.resolve("wcur.csv"), wc).toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("chisquare"), run.out());
    }

    @Test
    void categoricalBadInput() throws IOException {
        Path ref = Files.writeString(dir.resolve("ref.csv"), "a,x\nred,NAN\nblue,inf\n,NAN\n");
        Path cur = Files.writeString(dir.resolve("cur.csv"), "a,x\n,1\n,2\n,3\n");
        // an all-empty column
        CliRun r = drift(ref.toString(), cur.toString(), "--columns", "a");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: column 'a' in " + cur + " has no value (all 3 cells empty or a"
                + " missing-value word such as NA): nothing to compare\n", r.err());
        // numbers as categories, none left after Evidently drops NaN and inf
        r = drift(ref.toString(), cur.toString(), "--columns", "x", "--categorical", "x");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: column 'x' in " + ref + " has no value left (3 empty, NaN or infinite cells,"
                + " which Evidently drops): nothing to compare\n", r.err());
        List<List<String>> cases = List.of(
                List.of(REF, CUR, "--categorical", "nope"),
                List.of(REF, CUR, "--categorical", "region,region"),
                List.of(REF, CUR, "--categorical", "items", "--numeric", "items"),
                List.of(REF, CUR, "--numeric", "region"),
                List.of(REF, CUR, "--columns", "items", "--categorical", "region"),
                List.of(REF, CUR, "--method", "ks", "--columns", "region"));
        List<String> messages = List.of(
                "--categorical: no column 'nope' in " + REF + " (columns: latency_ms, temperature, items, region)",
                "--categorical: 'region' given twice",
                "--categorical and --numeric both name 'items'",
                "--numeric: column 'region' is text (not numbers) in " + REF,
                "--categorical: 'region' is not among --columns [items]",
                "--method ks is not a categorical method of the evidently preset, and column 'region' is categorical");
        for (int i = 0; i < cases.size(); i++) {
            r = drift(cases.get(i).toArray(String[]::new));
            assertEquals(2, r.status(), cases.get(i).toString());
            assertTrue(r.err().startsWith("shannon4j drift: " + messages.get(i) + "\nusage: shannon4j\n"), r.err());
        }
    }

    /** The json output parses (a strict JSON grammar check) and holds the tsv's numbers. */
    @Test
    void jsonIsValid() {
        CliRun r = drift(CREF, CCUR, "--format", "json");
        assertEquals(0, r.status(), r.err());
        new JsonCheck(r.out()).document();
        assertTrue(r.out().contains("{\"column\": \"country\", \"method\": \"chisquare\", \"value\": 0.0,"
                + " \"threshold\": 0.05, \"drift\": true}"), r.out());
    }

    /** --progress on: one line per column on stderr, stdout unchanged. */
    @Test
    void progressLines() {
        CliRun r = drift(CREF, CCUR, "--format", "tsv", "--progress", "on");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(6, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("shannon4j drift: read 400 + 400 rows ("), r.err());
        assertTrue(lines.get(5).startsWith("shannon4j drift: column 5/5: session_min ("), r.err());
        assertEquals(drift(CREF, CCUR, "--format", "tsv").out(), r.out());
    }

    /** A strict recursive-descent JSON recogniser (RFC 8259 grammar), enough to say the output parses. */
    private static final class JsonCheck {
        private final String s;
        private int i;

        JsonCheck(String s) {
            this.s = s;
        }

        void document() {
            value();
            ws();
            assertEquals(s.length(), i, "trailing text at " + i);
        }

        private void ws() {
            while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private void expect(char c) {
            ws();
            assertTrue(i < s.length() && s.charAt(i) == c, "expected '" + c + "' at " + i + ": " + s);
            i++;
        }

        private void value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return;
                }
                do {
                    ws();
                    string();
                    expect(':');
                    value();
                    ws();
                } while (s.charAt(i++) == ',');
                assertEquals('}', s.charAt(i - 1), "object end at " + i);
            } else if (c == '[') {
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return;
                }
                do {
                    value();
                    ws();
                } while (s.charAt(i++) == ',');
                assertEquals(']', s.charAt(i - 1), "array end at " + i);
            } else if (c == '"') {
                string();
            } else {
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null").matcher(s);
                assertTrue(m.find(i) && m.start() == i, "bad value at " + i + ": " + s);
                i = m.end();
            }
        }

        private void string() {
            assertEquals('"', s.charAt(i), "string at " + i);
            for (i++; s.charAt(i) != '"'; i++) {
                assertTrue(s.charAt(i) >= 0x20, "control character at " + i);
                if (s.charAt(i) == '\\') {
                    i++;
                    assertTrue("\"\\/bfnrtu".indexOf(s.charAt(i)) >= 0, "bad escape at " + i);
                }
            }
            i++;
        }
    }

    @Test
    void badCellIsLocated() throws IOException {
        Path cur = Files.writeString(dir.resolve("cur.csv"), "latency_ms,temperature\n1.5,20\n2.5,2O.5\n3,21\n");
        CliRun r = drift(REF, cur.toString(), "--method", "psi");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: " + cur + ":3:5: '2O.5' in column 'temperature'"), r.err());
    }

    @Test
    void usageErrors() {
        List<List<String>> cases = new ArrayList<>();
        cases.add(List.of(REF, CUR, "--method", "k-s"));
        cases.add(List.of(REF, CUR, "--method", "psi", "--preset", "whylogs"));
        cases.add(List.of(REF, CUR, "--method", "psi", "--threshold", "nan"));
        cases.add(List.of(REF, "--method", "psi"));
        cases.add(List.of(REF, CUR, "--method", "psi", "--format", "csv"));
        cases.add(List.of(REF, CUR, "--method", "psi", "--columns", "latency_ms,latency_ms"));
        List<String> messages = List.of(
                "--method must be one of psi, kl_div, jensenshannon, hellinger, wasserstein, ks, chisquare, z,"
                        + " jensen_shannon, kolmogorov_smirnov, l_infinity, chi2, got 'k-s'",
                "--preset must be one of evidently, nannyml, got 'whylogs'",
                "--threshold must be a finite number, got 'nan'",
                "drift needs two data files, the reference and the current, got [" + REF + "]",
                "--format must be one of table, tsv, json, got 'csv'",
                "--columns: 'latency_ms' given twice");
        for (int i = 0; i < cases.size(); i++) {
            CliRun r = drift(cases.get(i).toArray(String[]::new));
            assertEquals(2, r.status(), cases.get(i).toString());
            assertTrue(r.err().startsWith("shannon4j drift: " + messages.get(i) + "\nusage: shannon4j\n  drift "),
                    r.err());
        }
    }

    @Test
    void listedInHelp() {
        assertTrue(Main.USAGE.contains("\n  drift REFERENCE CURRENT"), Main.USAGE);
    }
}
