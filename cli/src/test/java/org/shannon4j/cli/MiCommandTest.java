package org.shannon4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.cli.data.CsvReader;
import org.shannon4j.cli.data.Table;
import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.NmiAverage;

class MiCommandTest {

    @TempDir
    Path dir;

    private static CliRun mi(String... args) {
        return CliRun.of(new MiCommand(), args);
    }

    @Test
    void tsvOfIrisIsTheLibrarysValuesSortedByMi() {
        CliRun r = mi("examples/iris.csv", "--target", "species", "--format", "tsv", "--unit", "bits", "--bins", "7");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("column\tentropy\tmi\tnmi", lines.getFirst());
        assertEquals(5, lines.size());

        Shannon s = Shannon.get().withUnit(InfoUnit.BITS);
        Dependence d = s.dependence();
        Table t = CsvReader.read(CodesTest.IRIS);
        int[] y = Codes.of(t, 4, 7, Codes.Missing.ERROR);
        List<String> expected = new ArrayList<>();
        List<double[]> byMi = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            int[] x = Codes.of(t, j, 7, Codes.Missing.ERROR);
            byMi.add(new double[] {j, d.labelEntropy(x), d.mutualInformation(x, y),
                    d.normalizedMutualInformation(x, y, NmiAverage.ARITHMETIC)});
        }
        byMi.sort((a, b) -> Double.compare(b[2], a[2]));
        for (double[] v : byMi) {
            expected.add(t.names().get((int) v[0]) + "\t" + ResultTable.g17(v[1]) + "\t" + ResultTable.g17(v[2])
                    + "\t" + ResultTable.g17(v[3]));
        }
        assertEquals(expected, lines.subList(1, 5));
        assertTrue(lines.get(1).startsWith("petal_width\t"), r.out());
    }

    /** scikit-learn's entropy, mutual_info_score and NMI on numpy-digitized codes (make_fixtures.py). */
    @Test
    void matchesScikitLearnOnTheSameDiscretisedData() throws IOException {
        List<String> lines = Files.readAllLines(CodesTest.FIXTURES.resolve("sklearn-mi.tsv"));
        Shannon s = Shannon.get();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Table t = CsvReader.read(CodesTest.file(f[0]));
            List<MiCommand.Result> rs = MiCommand.compute(s, t, t.indexOf(f[2]), List.of(t.indexOf(f[3])),
                    Integer.parseInt(f[1]), Codes.Missing.ERROR);
            MiCommand.Result r = rs.getFirst();
            assertEquals(Double.parseDouble(f[4]), r.entropy(), 1e-13, line);
            assertEquals(Double.parseDouble(f[5]), r.mi(), 1e-13, line);
            assertEquals(Double.parseDouble(f[6]), r.nmi(), 1e-13, line);
        }
        assertEquals(4 * 4 + 4 * 5, lines.size() - 1);
    }

    @Test
    void npyInputGivesTheSameNumbersAsTheCsv() {
        CliRun csv = mi("examples/iris.csv", "--target", "species", "--format", "tsv");
        CliRun npy = mi("src/test/resources/fixtures/iris.npy", "--target", "4", "--format", "tsv");
        assertEquals(0, npy.status(), npy.err());
        assertEquals(csv.out().replace("sepal_length", "c0").replace("sepal_width", "c1")
                .replace("petal_length", "c2").replace("petal_width", "c3"), npy.out());
    }

    @Test
    void tiesKeepColumnOrderAndColumnsSelectsAndOrders() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "b,a,noise,y\n1,1,0,x\n2,2,0,z\n1,1,1,x\n2,2,1,z\n");
        CliRun r = mi(f.toString(), "--target", "y", "--format", "tsv");
        assertEquals(List.of("b", "a", "noise"), r.out().lines().skip(1).map(l -> l.split("\t")[0]).toList());
        r = mi(f.toString(), "--target", "y", "--format", "tsv", "--columns", "noise,a");
        assertEquals(List.of("a", "noise"), r.out().lines().skip(1).map(l -> l.split("\t")[0]).toList());
        assertEquals("a\t0.69314718055994529\t0.69314718055994529\t1", r.out().lines().toList().get(1));
    }

    @Test
    void tableAndJsonFormats() {
        CliRun r = mi("examples/iris.csv", "--target", "species");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("examples/iris.csv: 150 rows; target 'species' (text); nats; floating columns"
                + " in 10 equal-width bins\ncolumn         entropy        mi       nmi\npetal_width   1.983153  0.978709"),
                r.out());
        r = mi("examples/iris.csv", "--target", "species", "--format", "json", "--columns", "sepal_width");
        assertTrue(r.out().startsWith("{\"file\": \"examples/iris.csv\", \"rows\": 150, \"target\": \"species\", "
                + "\"unit\": \"nats\", \"bins\": 10, \"results\": [\n  {\"column\": \"sepal_width\", \"entropy\": "),
                r.out());
    }

    @Test
    void badFilesExitOneWithTheirPlace() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "x,y\n1.5,a\n,b\n2.5,a\n");
        CliRun r = mi(f.toString(), "--target", "y");
        assertEquals(1, r.status());
        assertEquals("shannon4j mi: " + f + ":3:1: missing value in column 'x' (--missing level makes missing values"
                + " a level)\n", r.err());
        assertEquals(0, mi(f.toString(), "--target", "y", "--missing", "level").status());
        Files.writeString(f, "x,y\n1,2\n3\n");
        r = mi(f.toString(), "--target", "y");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j mi: " + f + ":3:2: row has 1 fields"), r.err());
        Files.writeString(f, "x,y\n");
        assertTrue(mi(f.toString(), "--target", "y").err().contains(":1: no data rows"));
        r = mi(dir.resolve("absent.csv").toString(), "--target", "y");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("absent.csv"), r.err());
    }

    @Test
    void usageErrorsExitTwoNamingTheOption() {
        CliRun r = mi("examples/iris.csv", "--target", "nope");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j mi: --target: no column 'nope' in examples/iris.csv (columns: "
                + "sepal_length, sepal_width, petal_length, petal_width, species)"), r.err());
        assertEquals(2, mi("examples/iris.csv").status());
        assertTrue(mi("examples/iris.csv", "--target", "species", "--bins", "0").err().contains(
                "--bins must be a positive integer, got '0'"));
        assertTrue(mi("examples/iris.csv", "--target", "species", "--unit", "hartley").err().contains("--unit"));
        assertTrue(mi("examples/iris.csv", "--target", "species", "--colums", "a").err().contains(
                "unknown option --colums"));
        assertTrue(mi("examples/iris.csv", "--target", "species", "--columns", "species").err().contains(
                "is the target"));
        assertEquals(0, mi("--help").status());
        assertThrows(UsageException.class, () -> new MiCommand().run(new String[] {"a", "b"}, System.out,
                System.err));
        r = mi("examples/iris.csv", "--target", "species", "--bins", "2147483647");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j mi: --bins must be at most 16777216, got 2147483647"), r.err());
        r = mi("examples/iris.csv", "--target", "species", "--delimiter", "\"");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j mi: --delimiter must be one character (or 'tab') other than a"
                + " quote"), r.err());
        r = mi("examples/iris.csv", "--target", "species", "--text", "nope");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("shannon4j mi: --text: no column 'nope' in examples/iris.csv"), r.err());
    }

    /** A column of numbers with a typo would be a category per number: an error at the cell, as in select. */
    @Test
    void aStrayTextCellIsAnErrorAtItsPlace() throws IOException {
        Path f = dir.resolve("typo.csv");
        Files.writeString(f, "a,t\n16.5,0\n16.1,1\n5.2,0\nabc,1\n5.3,1\n7.7,0\n");
        CliRun r = mi(f.toString(), "--target", "t");
        assertEquals(1, r.status());
        assertEquals("shannon4j mi: " + f + ":5:1: 'abc' in column 'a', whose other cells are numbers (5 of 6): a"
                + " bad cell? (--text a reads the column as categories)\n", r.err());
        r = mi(f.toString(), "--target", "t", "--text", "a", "--format", "tsv");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("column\tentropy\tmi\tnmi\na\t1.791759469228055"), r.out()); // ln 6
        Files.writeString(f, "a,t\n1,0\n2,x\n3,1\n");
        r = mi(f.toString(), "--target", "a");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("shannon4j mi: " + f + ":3:3: 'x' in column 't'"), r.err());
    }
}
