package org.shannon4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shannon4j.conformance.FeastFixtures;

class SelectCommandTest {

    /** label = a XOR b on unbalanced rows: a and b each carry a little about label, together all of it. */
    private static final String XOR = "src/test/resources/fixtures/xor.csv";

    /** JMI on {@link #XOR} with k = 3, in bits: JMI takes a (the lowest index of the a/b tie), then b, then noise. */
    private static final String XOR_JMI_TSV = """
            rank\tindex\tcolumn\tscore\trelevance
            1\t1\ta\t0.04879494069539813\t0.04879494069539813
            2\t2\tb\t0.99999999999999989\t0.04879494069539813
            3\t0\tnoise\t0.31127812445913239\t0
            """;

    @TempDir
    Path dir;

    private static CliRun select(String... args) {
        return CliRun.of(new SelectCommand(), args);
    }

    /** Exact TSV: JMI takes a (the lowest index of the a/b tie), then its XOR partner b (1 bit jointly). */
    @Test
    void jmiPicksTheXorPairExactTsv() {
        CliRun r = select(XOR, "--target", "label", "--method", "jmi", "--k", "3", "--format", "tsv", "--unit",
                "bits");
        assertEquals(0, r.status(), r.err());
        assertEquals(XOR_JMI_TSV, r.out());
        assertEquals("", r.err());
    }

    @Test
    void earlyStopIsSaidOnStderrAndInJson() {
        CliRun r = select(XOR, "--target", "label", "--method", "condmi", "--k", "3", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertEquals("shannon4j select: stopped after 2 of 3 features: no remaining feature scores above 0 under"
                + " condmi\n", r.err());
        assertTrue(r.out().startsWith("{\"file\": \"" + XOR + "\", \"rows\": 8, \"target\": \"label\", \"method\":"
                + " \"condmi\", \"unit\": \"nats\", \"bins\": 10, \"binning\": \"width\", \"feast\": false,"
                + " \"k\": 3, \"selected\": 2, \"stop\": \"no_positive_score\", \"results\": [\n"
                + "  {\"rank\": 1, \"index\": 1, \"column\": \"a\""),
                r.out());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("  {\"rank\"")).count(), r.out());
    }

    @Test
    void tableFormat() {
        CliRun r = select(XOR, "--target", "label", "--method", "mrmr", "--k", "2", "--unit", "bits");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith(XOR + ": 8 rows, 3 features; target 'label' (integer); mrmr, k = 2; bits;"
                + " floating columns in 10 equal-width bins\nrank  index  column     score  relevance\n"
                + "   1      1  a       0.048795   0.048795\n"), r.out());
    }

    /**
     * Integer columns are codes whatever their values (-7/93 is a relabelled a); with --bins they are binned, so
     * 3 bins of 0..2 and a 1-bin column differ from the codes.
     */
    @Test
    void integerColumnsAreCodesUnlessBinsIsGiven() throws IOException {
        Path f = dir.resolve("codes.csv");
        List<String> xor = Files.readAllLines(Path.of(XOR));
        StringBuilder b = new StringBuilder("a2,").append(xor.getFirst()).append('\n');
        for (String line : xor.subList(1, xor.size())) {
            int a = line.charAt(2) - '0';
            b.append(a * 100 - 7).append(',').append(line).append('\n');
        }
        Files.writeString(f, b);
        CliRun r = select(f.toString(), "--target", "label", "--method", "mim", "--k", "4", "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        // a2 and a: the same partition, the same relevance; a2 wins the tie by index.
        assertTrue(lines.get(1).startsWith("1\t0\ta2\t"), r.out());
        assertEquals(lines.get(1).split("\t")[3], lines.get(2).split("\t")[3], r.out());
        assertTrue(lines.get(2).startsWith("2\t2\ta\t"), r.out());

        // --bins 1: every column, integer ones included, is one level: nothing is relevant.
        r = select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--bins", "1", "--format", "tsv");
        assertEquals("rank\tindex\tcolumn\tscore\trelevance\n1\t0\ta2\t0\t0\n", r.out(), r.err());
    }

    /** A floating column a + jitter below 0.5: 2 equal-width bins recover a exactly, 10 bins split it further. */
    @Test
    void binsBinsAFloatColumn() throws IOException {
        Path f = dir.resolve("float.csv");
        double[] jitter = {0.0, 0.4, 0.2, 0.1, 0.3, 0.0, 0.4, 0.2};
        List<String> xor = Files.readAllLines(Path.of(XOR));
        StringBuilder b = new StringBuilder("w,").append(xor.getFirst()).append('\n');
        for (int i = 1; i < xor.size(); i++) {
            int a = xor.get(i).charAt(2) - '0';
            b.append(a + jitter[i - 1]).append(',').append(xor.get(i)).append('\n');
        }
        Files.writeString(f, b);
        String aRelevance = select(XOR, "--target", "label", "--method", "mim", "--k", "1", "--format", "tsv")
                .out().lines().toList().get(1).split("\t")[4];
        CliRun r = select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--bins", "2", "--format",
                "tsv");
        assertEquals("rank\tindex\tcolumn\tscore\trelevance\n1\t0\tw\t" + aRelevance + "\t" + aRelevance + "\n",
                r.out(), r.err());
        r = select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--format", "tsv");
        assertTrue(Double.parseDouble(r.out().lines().toList().get(1).split("\t")[4])
                > Double.parseDouble(aRelevance), r.out());
        r = select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--bins", "2", "--binning",
                "quantile", "--format", "tsv");
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void usageErrorsExitTwoNamingTheOption() {
        CliRun r = select(XOR, "--target", "nope", "--method", "jmi", "--k", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j select: --target: no column 'nope' in " + XOR
                + " (columns: noise, a, b, label)"), r.err());
        r = select(XOR, "--target", "label", "--method", "jmi", "--k", "0");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j select: --k must be a positive integer, got '0'"), r.err());
        r = select(XOR, "--target", "label", "--method", "jmi", "--k", "4");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j select: --k must be at most the number of feature columns, 3,"
                + " got 4"), r.err());
        r = select(XOR, "--target", "label", "--method", "fisher", "--k", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j select: --method must be one of mim, mrmr, jmi, jmim, cmim, disr,"
                + " icap, cife, condmi, betagamma, got 'fisher'"), r.err());
        r = select(XOR, "--target", "label", "--method", "betagamma", "--k", "1", "--beta", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--method betagamma needs --beta and --gamma"), r.err());
        r = select(XOR, "--target", "label", "--method", "jmi", "--k", "1", "--beta", "1");
        assertTrue(r.err().contains("--beta applies only to --method betagamma"), r.err());
        assertEquals(2, select(XOR, "--target", "label", "--k", "1").status());
        assertEquals(2, select(XOR, "--target", "label", "--method", "jmi").status());
        assertEquals(2, select(XOR, "--method", "jmi", "--k", "1").status());
    }

    @Test
    void betaGammaWithCifesWeightsIsCife() {
        CliRun cife = select(XOR, "--target", "label", "--method", "cife", "--k", "3", "--format", "tsv");
        CliRun bg = select(XOR, "--target", "label", "--method", "betagamma", "--beta", "1", "--gamma", "1", "--k", "3",
                "--format", "tsv");
        assertEquals(0, bg.status(), bg.err());
        assertEquals(cife.out(), bg.out());
    }

    @Test
    void badCellsExitOneWithTheirPlace() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "x,y,label\n1.5,a,0\n,b,1\n2.5,a,1\n");
        CliRun r = select(f.toString(), "--target", "label", "--method", "jmi", "--k", "1");
        assertEquals(1, r.status());
        assertEquals("shannon4j select: " + f + ":3:1: missing value in column 'x' (--missing level makes missing"
                + " values a level)\n", r.err());
        assertEquals(0, select(f.toString(), "--target", "label", "--method", "jmi", "--k", "1", "--missing",
                "level").status());

        Files.writeString(f, "x,y,label\n1.5,a,0\nnan,b,1\n2.5,a,1\n");
        r = select(f.toString(), "--target", "label", "--method", "jmi", "--k", "1");
        assertEquals(1, r.status());
        assertEquals("shannon4j select: " + f + ":3:1: NaN in column 'x' (--missing level makes NaN and missing"
                + " values a level)\n", r.err());
        r = select(f.toString(), "--target", "label", "--method", "jmi", "--k", "2", "--missing", "level",
                "--format", "tsv");
        assertEquals(0, r.status(), r.err());

        Files.writeString(f, "x,y,label\n1.5,a,0\ninf,b,1\n2.5,a,1\n");
        r = select(f.toString(), "--target", "label", "--method", "jmi", "--k", "1");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j select: " + f + ":3:1: infinite value in column 'x'"), r.err());

        Files.writeString(f, "x,y,label\n1,2,0\n3\n");
        r = select(f.toString(), "--target", "label", "--method", "jmi", "--k", "1");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j select: " + f + ":3:2: row has 1 fields"), r.err());

        Files.writeString(f, "x,y,label\n1,2,0\n3,4,0\n");
        r = select(f.toString(), "--target", "label", "--method", "jmi", "--k", "1");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j select: ") && r.err().contains("constant"), r.err());
    }

    /** Index and column come from the feature columns in file order, the target left out wherever it stands. */
    @Test
    void tsvIndexCountsFeatureColumnsOnlyWhereverTheTargetIs() throws IOException {
        Path f = dir.resolve("first.csv");
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(Path.of(XOR))) {
            int comma = line.lastIndexOf(',');
            b.append(line.substring(comma + 1)).append(',').append(line, 0, comma).append('\n');
        }
        Files.writeString(f, b);
        CliRun r = select(f.toString(), "--target", "label", "--method", "jmi", "--k", "3", "--format", "tsv",
                "--unit", "bits");
        assertEquals(0, r.status(), r.err());
        assertEquals(XOR_JMI_TSV, r.out());
        assertEquals("", r.err());
    }

    /** --progress on: the lines go to stderr only, stdout stays exactly the tsv; auto stays quiet on small input. */
    @Test
    void progressGoesToStderrOnly() {
        String[] args = {XOR, "--target", "label", "--method", "jmi", "--k", "3", "--format", "tsv", "--unit",
            "bits"};
        CliRun quiet = select(args);
        CliRun on = select(concat(args, "--progress", "on"));
        assertEquals(0, on.status(), on.err());
        assertEquals(quiet.out(), on.out());
        assertEquals("", quiet.err());
        List<String> lines = on.err().lines().toList();
        String t = " \\(\\d+\\.\\d s\\)";
        assertEquals(6, lines.size(), on.err());
        assertTrue(lines.get(0).matches("shannon4j select: read 8 rows x 4 columns" + t), lines.get(0));
        assertTrue(lines.get(1).matches("shannon4j select: coded 3 feature columns and the target" + t),
                lines.get(1));
        assertTrue(lines.get(2).matches("shannon4j select: selected 1/3: a, score 0\\.0487949 bits" + t),
                lines.get(2));
        assertTrue(lines.get(3).matches("shannon4j select: selected 2/3: b, score 1\\.00000 bits" + t),
                lines.get(3));
        assertTrue(lines.get(4).matches("shannon4j select: selected 3/3: noise, score 0\\.311278 bits" + t),
                lines.get(4));
        assertTrue(lines.get(5).matches("shannon4j select: done: 3 of 3 features selected" + t), lines.get(5));
        assertEquals("", select(concat(args, "--progress", "off")).err());
        assertEquals(2, select(concat(args, "--progress", "yes")).status());
    }

    /** Writes {@code csv} to {@code f}, then selects on it. */
    private static CliRun selectOn(Path f, String csv, String... args) throws IOException {
        Files.writeString(f, csv);
        return select(concat(new String[] {f.toString()}, args));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * --feast on FEAST's own fixtures (conformance's feast_selections.tsv, from FEAST built from source): every
     * case of two data sets, the codes written as floating values code − 1.5 (and the target as y − 0.5), which
     * FEAST's normaliseArray floors back to the codes' partition. Truncation instead of floor would merge −0.5 and
     * 0.5, so this also pins the rounding. FEAST's indices and scores (bits, 1e-12) up to its decided prefix; a
     * stop where FEAST had its accident.
     */
    @Test
    void feastReproducesFeastOnItsFixtures() throws IOException {
        FeastFixtures fixtures = FeastFixtures.load();
        int checked = 0;
        for (String name : List.of("iris-b5", "redundant", "parity")) {
            FeastFixtures.DataSet d = fixtures.dataSets().get(name);
            Path f = dir.resolve(name + ".csv");
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < d.featureCount(); j++) {
                b.append('f').append(j).append(',');
            }
            b.append("y\n");
            for (int r = 0; r < d.rows(); r++) {
                for (int j = 0; j < d.featureCount(); j++) {
                    b.append(d.features()[j][r] - 1.5).append(',');
                }
                b.append(d.target()[r] - 0.5).append('\n');
            }
            Files.writeString(f, b);
            for (FeastFixtures.Case c : fixtures.cases()) {
                if (c.data() == d) {
                    checkFeast(f, c);
                    checked++;
                }
            }
        }
        assertEquals(99, checked);
    }

    private void checkFeast(Path f, FeastFixtures.Case c) {
        String method = switch (c.criterion()) {
            case "mRMR_D" -> "mrmr";
            case "CondMI" -> "condmi";
            default -> c.criterion().toLowerCase(java.util.Locale.ROOT);
        };
        List<String> args = new java.util.ArrayList<>(List.of(f.toString(), "--target", "y", "--method", method,
                "--k", String.valueOf(c.k()), "--format", "tsv", "--feast"));
        if (method.equals("betagamma")) {
            args.addAll(List.of("--beta", String.valueOf(c.beta()), "--gamma", String.valueOf(c.gamma())));
        }
        CliRun r = select(args.toArray(String[]::new));
        assertEquals(0, r.status(), c + ": " + r.err());
        List<String> rows = r.out().lines().skip(1).toList();
        int prefix = c.decidedPrefix();
        assertTrue(rows.size() >= prefix, c + ": " + r.out());
        for (int step = 0; step < prefix; step++) {
            String[] cells = rows.get(step).split("\t");
            assertEquals(c.indices()[step], Integer.parseInt(cells[1]), c + " step " + step);
            assertEquals("f" + c.indices()[step], cells[2], c + " step " + step);
            assertEquals(c.scores()[step], Double.parseDouble(cells[3]), 1e-12, c + " step " + step);
        }
        if (c.accident() != FeastFixtures.Accident.NONE && prefix == c.accidentStep()) {
            assertEquals(prefix, rows.size(), c + ": " + r.out());
            assertTrue(r.err().startsWith("shannon4j select: stopped after " + prefix + " of " + c.k()
                    + " features: no remaining feature scores above 0 under " + method + " (FEAST would "), r.err());
        } else {
            assertEquals("", r.err(), c.toString());
        }
    }

    /** --feast: bits unless --unit says otherwise, floors instead of bins, and says so in the json. */
    @Test
    void feastIsBitsAndFloorsUnlessTold() throws IOException {
        Path f = dir.resolve("floats.csv");
        // w = a + 0.7 floors to a, so under --feast w ties a (lower index wins); 10 bins would split it.
        StringBuilder b = new StringBuilder("w,");
        List<String> xor = Files.readAllLines(Path.of(XOR));
        b.append(xor.getFirst()).append('\n');
        for (String line : xor.subList(1, xor.size())) {
            b.append(line.charAt(2) - '0' + 0.7).append(',').append(line).append('\n');
        }
        Files.writeString(f, b);
        String bits = select(XOR, "--target", "label", "--method", "mim", "--k", "1", "--format", "tsv", "--unit",
                "bits").out();
        CliRun r = select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--format", "tsv",
                "--feast");
        assertEquals(0, r.status(), r.err());
        assertEquals(bits.replace("1\t1\ta\t", "1\t0\tw\t"), r.out());
        r = select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--format", "json", "--feast",
                "--unit", "nats");
        assertTrue(r.out().contains("\"unit\": \"nats\", \"binning\": \"floor\", \"feast\": true,"), r.out());
        assertTrue(r.out().contains("\"score\": 0.03382207556860495"), r.out());
        r = select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--feast");
        assertTrue(r.out().startsWith(f + ": 8 rows, 4 features; target 'label' (integer); mim, k = 1; bits;"
                + " FEAST conventions: every value floored to an integer\n"), r.out());
        assertEquals(2, select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--feast",
                "--binning", "quantile").status());
        assertEquals(2, select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--feast=yes")
                .status());
    }

    @Test
    void feastRejectsValuesBeyondTheIntRangeAtTheirCell() throws IOException {
        Path f = dir.resolve("big.csv");
        CliRun r = selectOn(f, "x,label\n1.5,0\n3e10,1\n", "--target", "label", "--method", "mim", "--k", "1",
                "--feast");
        assertEquals(1, r.status());
        assertEquals("shannon4j select: " + f + ":3:1: value 3.0E10 in column 'x' is outside the int range that"
                + " FEAST's (int) floor(x) handles\n", r.err());
        r = selectOn(f, "x,label\n1.5,0\nnan,1\n", "--target", "label", "--method", "mim", "--k", "1",
                "--feast");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j select: " + f + ":3:1: NaN in column 'x'"), r.err());
        assertEquals(0, select(f.toString(), "--target", "label", "--method", "mim", "--k", "1", "--feast",
                "--missing", "level").status());
    }

    /** A column of numbers with one stray word is an error at that word, not a column of categories. */
    @Test
    void aStrayTextCellInANumericColumnIsAnErrorAtItsPlace() throws IOException {
        Path f = dir.resolve("stray.csv");
        CliRun r = selectOn(f, "x,y,label\n1.5,a,0\n2.5,b,1\nn/a,a,1\n0.5,b,0\n", "--target", "label",
                "--method", "jmi", "--k", "1");
        assertEquals(1, r.status());
        assertEquals("shannon4j select: " + f + ":4:1: 'n/a' in column 'x', whose other cells are numbers (3 of 4):"
                + " a bad cell? (--text x reads the column as categories)\n", r.err());
        r = select(f.toString(), "--target", "label", "--method", "jmi", "--k", "2", "--text", "x", "--format",
                "tsv");
        assertEquals(0, r.status(), r.err());
        // the target too
        r = selectOn(f, "x,label\n1,0\n2,1\n3,?\n", "--target", "label", "--method", "mim", "--k", "1");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j select: " + f + ":4:3: '?' in column 'label'"), r.err());
        // a text column that holds a few numbers is categories, as always
        assertEquals(0, selectOn(f, "x,label\nlow,0\nhigh,1\n3,1\nlow,0\n", "--target", "label", "--method",
                "mim", "--k", "1").status());
    }

    /**
     * A floating target is binned as the features are (it was binned by width under {@code --binning quantile}), and
     * a target of integers beyond the int range is classes (it was binned by width, merging 0 and 1). Expected: MIM's
     * relevances from numpy's binning and sklearn's mutual_info_score ({@code make_target_fixtures.py}).
     */
    @Test
    void targetsAreBinnedAsTheFeaturesOrAreClasses() throws IOException {
        String fixtures = "src/test/resources/fixtures/";
        List<String> lines = Files.readAllLines(Path.of(fixtures + "target-mi.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            boolean floating = f[0].startsWith("floating");
            String[] args = floating
                    ? new String[] {fixtures + f[0], "--target", "label", "--method", "mim", "--k", "2", "--format",
                        "tsv", "--binning", f[1], "--bins", f[2]}
                    : new String[] {fixtures + f[0], "--target", "label", "--method", "mim", "--k", "2", "--format",
                        "tsv"};
            CliRun r = select(args);
            assertEquals(0, r.status(), r.err());
            double got = r.out().lines().skip(1).map(l -> l.split("\t")).filter(c -> c[2].equals(f[3]))
                    .mapToDouble(c -> Double.parseDouble(c[4])).findFirst().orElseThrow();
            double want = Double.parseDouble(f[4]);
            assertEquals(want, got, 1e-12 * want, line);
        }
        CliRun r = select(fixtures + "long-target.csv", "--target", "label", "--method", "mim", "--k", "1");
        assertTrue(r.out().startsWith(fixtures + "long-target.csv: 40 rows, 2 features; target 'label' (integer)"),
                r.out());
    }

    /** Bins beyond the rows: the levels in use, not every bin, make the engine's tables. */
    @Test
    void manyMoreBinsThanRows() {
        CliRun r = select("src/test/resources/fixtures/floating-target.csv", "--target", "label", "--method", "jmi",
                "--k", "2", "--bins", "20000");
        assertEquals(0, r.status(), r.err());
    }

    /** max − min beyond the doubles: equal-width bins have no edges, an error at a cell of the column. */
    @Test
    void aRangeBeyondTheDoublesIsAnErrorAtItsPlace() throws IOException {
        Path f = dir.resolve("huge.csv");
        CliRun r = selectOn(f, "x,label\n1,-1e308\n2,1e308\n3,0\n4,5\n", "--target", "label", "--method", "mim",
                "--k", "1");
        assertEquals(1, r.status());
        assertEquals("shannon4j select: " + f + ":3:3: column 'label' spans -1.0E308 to 1.0E308: max - min overflows a"
                + " double, so equal-width bins have no edges\n", r.err());
    }

    @Test
    void aConstantTargetIsSaidToBeConstant() throws IOException {
        Path f = dir.resolve("constant.csv");
        CliRun r = selectOn(f, "x,y,label\n1,2,0\n3,4,0\n", "--target", "label", "--method", "jmi", "--k", "1");
        assertEquals(1, r.status());
        assertEquals("shannon4j select: target is constant (every row is 0): I(X;Y) = 0 for every feature, so"
                + " there is nothing to select\n", r.err());
    }
}
