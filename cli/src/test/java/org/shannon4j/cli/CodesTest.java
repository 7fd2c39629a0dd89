package org.shannon4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shannon4j.cli.data.CsvReader;
import org.shannon4j.cli.data.DataFileException;
import org.shannon4j.cli.data.Table;

class CodesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final Path IRIS = Path.of("examples/iris.csv");

    static Path file(String name) {
        return name.equals("iris.csv") ? IRIS : FIXTURES.resolve(name);
    }

    /** Every column of iris.csv and synthetic.csv at 1, 3, 10 and 11 bins: the codes numpy's digitize gives. */
    @Test
    void codesAreNumpysDigitizeOverLinspaceInnerEdges() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURES.resolve("digitize.tsv"));
        assertEquals("file\tbins\tcolumn\tcodes", lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Table t = CsvReader.read(file(f[0]));
            int[] expected = Arrays.stream(f[3].split(",")).mapToInt(Integer::parseInt).toArray();
            assertArrayEquals(expected, Codes.of(t, t.indexOf(f[2]), Integer.parseInt(f[1]), Codes.Missing.ERROR),
                    line.substring(0, Math.min(60, line.length())));
        }
        assertEquals(4 * (5 + 6), lines.size() - 1);
    }

    @Test
    void edgesAreNumpysLinspace() {
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, Codes.innerEdges(0, 10, 10));
        assertArrayEquals(new double[] {2.5, 2.5}, Codes.innerEdges(2.5, 2.5, 3));
        assertEquals(0, Codes.innerEdges(1, 2, 1).length);
        assertEquals(0, Codes.digitize(0.999, Codes.innerEdges(0, 10, 10)));
        assertEquals(1, Codes.digitize(1.0, Codes.innerEdges(0, 10, 10)));
        assertEquals(9, Codes.digitize(10.0, Codes.innerEdges(0, 10, 10)));
    }

    @TempDir
    Path dir;

    @Test
    void missingCellsAndNanAreErrorsAtTheirPlaceOrTheirOwnLevel() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "i,f,s\n1,0.5,a\n,nan,b\n3,1.5,\n");
        Table t = CsvReader.read(f);
        DataFileException e = assertThrows(DataFileException.class, () -> Codes.of(t, 0, 10, Codes.Missing.ERROR));
        assertEquals(f + ":3:1: missing value in column 'i' (--missing level makes missing values a level)",
                e.getMessage());
        e = assertThrows(DataFileException.class, () -> Codes.of(t, 1, 10, Codes.Missing.ERROR));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.detail().startsWith("NaN in column 'f'"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> Codes.of(t, 2, 10, Codes.Missing.ERROR));
        assertEquals(4, e.line());
        assertEquals(7, e.column());
        assertArrayEquals(new int[] {1, 4, 3}, Codes.of(t, 0, 10, Codes.Missing.LEVEL));
        assertArrayEquals(new int[] {0, 10, 9}, Codes.of(t, 1, 10, Codes.Missing.LEVEL));
        assertArrayEquals(new int[] {0, 1, 2}, Codes.of(t, 2, 10, Codes.Missing.LEVEL));
    }

    @Test
    void infiniteValuesCannotBeBinned() throws IOException {
        Path f = dir.resolve("inf.csv");
        Files.writeString(f, "x\n1\n-inf\n");
        Table t = CsvReader.read(f);
        DataFileException e = assertThrows(DataFileException.class, () -> Codes.of(t, 0, 10, Codes.Missing.LEVEL));
        assertEquals(3, e.line());
        assertTrue(e.detail().startsWith("infinite value"), e.getMessage());
    }

    /** Dense codes keep the value order, by a table over a small range and by sorting over a wide one. */
    @Test
    void denseRenumbersInValueOrder() {
        assertArrayEquals(new int[] {2, 0, 1, 2, 0}, Codes.dense(new int[] {9, -3, 4, 9, -3}));
        assertArrayEquals(new int[] {2, 0, 1, 0}, Codes.dense(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 0,
            Integer.MIN_VALUE}));
        assertArrayEquals(new int[] {1, 0}, Codes.dense(new int[] {1 << 20, 0}));
        assertArrayEquals(new int[] {0, 0}, Codes.dense(new int[] {7, 7}));
        assertArrayEquals(new int[0], Codes.dense(new int[0]));
    }

    /** FEAST's (int) floor(x): -0.5 and 0.5 are different values (truncation would merge them). */
    @Test
    void flooredFloorsThenRenumbers(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("floor.csv");
        Files.writeString(f, "x,n,t\n-0.5,-7,b\n0.5,3,a\n0.99,-7,b\n-1.5,3,c\n");
        Table t = CsvReader.read(f);
        assertArrayEquals(new int[] {1, 2, 2, 0}, Codes.floored(t, 0, Codes.Missing.ERROR));
        assertArrayEquals(new int[] {0, 1, 0, 1}, Codes.floored(t, 1, Codes.Missing.ERROR));
        assertArrayEquals(new int[] {0, 1, 0, 2}, Codes.floored(t, 2, Codes.Missing.ERROR));
    }
}
