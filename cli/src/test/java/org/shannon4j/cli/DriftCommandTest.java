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
        assertEquals(expected.toString(), r.out());
        assertEquals("shannon4j drift: skipped text (categorical) columns, not supported yet: region\n", r.err());
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
        assertTrue(r.out().startsWith(REF + " (300 rows) -> " + CUR + " (300 rows): 1 numeric column; preset"
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
        CliRun r = drift(ref.toString(), cur.toString(), "--method", "wasserstein", "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        Drift d = Drift.of(Shannon.get().context());
        assertEquals(HEADER + "\n"
                + expectedRow("x", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.WASSERSTEIN,
                        new double[] {1.5, 2.5, 3.5, -1}, new double[] {1.25, 4.5})) + "\n"
                + expectedRow("n", d.numeric(DriftPreset.EVIDENTLY, DriftMethod.WASSERSTEIN,
                        new double[] {1, 2, 4, 5, 6}, new double[] {2, 3, 4, 5})) + "\n", r.out());
        // n is an integer column of few values, which Evidently would call categorical: said, not hidden
        assertEquals("shannon4j drift: column 'n' has at most 10 distinct integers: Evidently would treat it as"
                + " categorical; computed as numeric here\n", r.err());
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
        assertTrue(r.err().contains("--method psi is not a numeric method of the nannyml preset"), r.err());
        r = drift(REF, CUR, "--preset", "nannyml", "--method", "kolmogorov_smirnov", "--threshold", "0.5",
                "--format", "tsv", "--columns", "latency_ms");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith(HEADER + "\nlatency_ms\tkolmogorov_smirnov\t"), r.out());
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
        // by default only the common columns, the others noted
        r = drift(REF, cur.toString(), "--method", "psi", "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(HEADER, "latency_ms", "items"),
                r.out().lines().map(l -> l.equals(HEADER) ? l : l.split("\t")[0]).toList());
        assertEquals("shannon4j drift: skipped columns only in " + REF + ": temperature, region\n", r.err());
        Path none = Files.writeString(dir.resolve("none.csv"), "other\n1\n");
        r = drift(REF, none.toString(), "--method", "psi");
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("shannon4j drift: no numeric column common to " + REF + " and " + none + "\n"),
                r.err());
    }

    @Test
    void textColumns() throws IOException {
        CliRun r = drift(REF, CUR, "--method", "psi", "--columns", "latency_ms,region");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: --columns: 'region' is a text column: categorical drift is"
                + " not supported yet (numeric columns only)\nusage:"), r.err());
        Path cur = Files.writeString(dir.resolve("cur.csv"), "region,latency_ms\n1,2\n2,3\n");
        r = drift(REF, cur.toString(), "--method", "psi");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: column 'region' is text in " + REF + " but numeric in " + cur
                + ": a column must be of one kind in both files\n", r.err());
    }

    @Test
    void emptyOrAllNanColumnNamesColumnAndFile() throws IOException {
        Path ref = Files.writeString(dir.resolve("ref.csv"), "x,y\n1,nan\n2,nan\n");
        Path cur = Files.writeString(dir.resolve("cur.csv"), "x,y\n,1\n,2\n");
        CliRun r = drift(ref.toString(), cur.toString(), "--method", "psi", "--columns", "x");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: column 'x' in " + cur + " has no finite value (2 NaN, infinite or empty"
                + " cells, which Evidently drops): nothing to compare\n", r.err());
        r = drift(ref.toString(), cur.toString(), "--method", "psi", "--columns", "y");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j drift: column 'y' in " + ref + " has no finite value"), r.err());
        Path header = Files.writeString(dir.resolve("header.csv"), "x,y\n");
        r = drift(ref.toString(), header.toString(), "--method", "psi");
        assertEquals(1, r.status());
        assertEquals("shannon4j drift: " + header + ":1: no data rows after the header\n", r.err());
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
