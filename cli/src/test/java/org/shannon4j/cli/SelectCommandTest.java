package org.shannon4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectCommandTest {

    /** label = a XOR b on unbalanced rows: a and b each carry a little about label, together all of it. */
    private static final String XOR = "src/test/resources/fixtures/xor.csv";

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
        assertEquals("""
                rank\tindex\tcolumn\tscore\trelevance
                1\t1\ta\t0.04879494069539813\t0.04879494069539813
                2\t2\tb\t0.99999999999999989\t0.04879494069539813
                3\t0\tnoise\t0.31127812445913239\t0
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void earlyStopIsSaidOnStderrAndInJson() {
        CliRun r = select(XOR, "--target", "label", "--method", "condmi", "--k", "3", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertEquals("shannon4j select: stopped after 2 of 3 features: no remaining feature scores above 0 under"
                + " condmi\n", r.err());
        assertTrue(r.out().startsWith("{\"file\": \"" + XOR + "\", \"rows\": 8, \"target\": \"label\", \"method\":"
                + " \"condmi\", \"unit\": \"nats\", \"bins\": 10, \"binning\": \"width\", \"k\": 3, \"selected\": 2,"
                + " \"stop\": \"no_positive_score\", \"results\": [\n  {\"rank\": 1, \"index\": 1, \"column\": \"a\""),
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
}
