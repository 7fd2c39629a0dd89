package org.shannon4j.cli.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private DataFileException fails(String content) throws IOException {
        Path f = write(content);
        return assertThrows(DataFileException.class, () -> CsvReader.read(f));
    }

    private static void assertAt(DataFileException e, long line, long column, String detailPart) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(DataFileException.NONE, e.byteOffset());
        assertTrue(e.detail().contains(detailPart), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.file() + ":" + line + ":" + column + ": "), e.getMessage());
    }

    @Test
    void infersIntegerFloatingAndTextColumnsWithMissingCells() throws IOException {
        Table t = CsvReader.read(write("i,f,s,promoted,empty\n1,1.5,a,1,\n-2,,b,2.5,\n,nan,a,-inf,\n+7,1e3,,x,\n"));
        assertEquals(List.of("i", "f", "s", "promoted", "empty"), t.names());
        assertEquals(4, t.rows());
        Column.Ints i = (Column.Ints) t.columns().get(0);
        assertArrayEquals(new int[] {1, -2, 0, 7}, i.values());
        assertEquals(BitSet.valueOf(new long[] {0b0100}), i.missing());
        Column.Doubles f = (Column.Doubles) t.columns().get(1);
        assertEquals(1.5, f.values()[0]);
        assertTrue(Double.isNaN(f.values()[1]) && f.missing().get(1));
        assertTrue(Double.isNaN(f.values()[2]) && !f.missing().get(2), "a literal nan is a value, not missing");
        assertEquals(1000.0, f.values()[3]);
        Column.Text s = (Column.Text) t.columns().get(2);
        assertArrayEquals(new int[] {0, 1, 0, -1}, s.codes());
        assertArrayEquals(new String[] {"a", "b"}, s.levels());
        // numbers first, text later: the column is text with the cells as written
        Column.Text p = (Column.Text) t.columns().get(3);
        assertArrayEquals(new String[] {"1", "2.5", "-inf", "x"}, p.levels());
        assertArrayEquals(new int[] {0, 1, 2, 3}, p.codes());
        Column.Text e = (Column.Text) t.columns().get(4);
        assertEquals(4, e.missing().cardinality());
        assertEquals(0, e.levels().length);
    }

    @Test
    void integersBeyondTheIntRangeAndJavaOnlySyntaxAreNotIntegers() throws IOException {
        Table t = CsvReader.read(write("big,hex,java\n2147483648,0x10,1d\n1,1,Infinity\n"));
        assertEquals(Column.Kind.FLOATING, t.columns().get(0).kind());
        assertEquals(2147483648.0, ((Column.Doubles) t.columns().get(0)).values()[0]);
        assertEquals(Column.Kind.TEXT, t.columns().get(1).kind());
        assertEquals(Column.Kind.TEXT, t.columns().get(2).kind());
    }

    @Test
    void quotingCrlfBomAndBlankLines() throws IOException {
        Table t = CsvReader.read(write("\uFEFFname,\"quoted, header\"\r\n\"a \"\"b\"\"\",1\r\n\r\n\"multi\r\nline\",\"2\"\r\n"
                + "plain\"quote,3"));
        assertEquals(List.of("name", "quoted, header"), t.names());
        Column.Text name = (Column.Text) t.columns().get(0);
        assertArrayEquals(new String[] {"a \"b\"", "multi\nline", "plain\"quote"}, name.levels());
        assertArrayEquals(new int[] {1, 2, 3}, ((Column.Ints) t.columns().get(1)).values());
    }

    @Test
    void otherDelimiterAndLoneCr() throws IOException {
        Path f = write("a;b\r1;x\r2;y");
        Table t = CsvReader.read(f, new CsvReader.Options(';', Map.of()));
        assertArrayEquals(new int[] {1, 2}, ((Column.Ints) t.columns().get(0)).values());
    }

    @Test
    void raggedRowsAreLocated() throws IOException {
        assertAt(fails("a,b,c\n1,2,3\n4,5\n"), 3, 4, "row has 2 fields but the header has 3");
        assertAt(fails("a,b\n1,2\n3,4,5\n"), 3, 5, "the header is shorter than this row");
        assertAt(fails("a,b\n1,2\n3,4,5"), 3, 5, "the header is shorter than this row");
    }

    @Test
    void unterminatedQuoteIsLocatedWhereItOpens() throws IOException {
        assertAt(fails("a,b\n1,\"open\n2,3\n"), 2, 3, "unterminated quoted field");
    }

    @Test
    void characterAfterClosingQuote() throws IOException {
        assertAt(fails("a,b\n\"x\"y,1\n"), 2, 4, "after the closing quote");
    }

    @Test
    void columnsCountCodePointsAfterAQuotedLineBreak() throws IOException {
        // the quoted field spans lines 2-3; the extra field starts on line 3, after "x",
        assertAt(fails("a,b\n\"\uD83D\uDE00\ny\",1,2\n"), 3, 6, "shorter than this row");
        assertAt(fails("a,b\n\uD83D\uDE00\u00e9,1,2\n"), 2, 6, "shorter than this row");
    }

    @Test
    void headerProblems() throws IOException {
        assertAt(fails(""), 1, 1, "empty file");
        assertAt(fails("a,,c\n1,2,3\n"), 1, 3, "empty column name");
        assertAt(fails("a,b,a\n1,2,3\n"), 1, 5, "duplicate column name 'a' (columns 1 and 3)");
    }

    @Test
    void invalidUtf8IsLocated() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, new byte[] {'a', ',', 'b', '\n', 'x', 'y', ',', (byte) 0xC3, '(', '\n'});
        assertAt(assertThrows(DataFileException.class, () -> CsvReader.read(f)), 2, 4, "not valid UTF-8");
    }

    @Test
    void forcedKindsRejectCellsThatDoNotFit() throws IOException {
        Path f = write("a,b\n1,2\n3.5,x\n");
        assertAt(assertThrows(DataFileException.class, () -> CsvReader.read(f, new CsvReader.Options(',',
                Map.of("b", Column.Kind.FLOATING)))), 3, 5, "column 'b' is numeric (as asked) but this cell is 'x'");
        assertAt(assertThrows(DataFileException.class, () -> CsvReader.read(f, new CsvReader.Options(',',
                Map.of("a", Column.Kind.INTEGER)))), 3, 1, "column 'a' is integer (as asked) but this cell is '3.5'");
        Table t = CsvReader.read(f, new CsvReader.Options(',', Map.of("a", Column.Kind.TEXT)));
        assertArrayEquals(new String[] {"1", "3.5"}, ((Column.Text) t.columns().get(0)).levels());
        assertAt(assertThrows(DataFileException.class, () -> CsvReader.read(f, new CsvReader.Options(',',
                Map.of("zz", Column.Kind.TEXT)))), 1, 1, "no column 'zz'");
    }

    @Test
    void locatorFindsACellAfterMultiLineRecords() throws IOException {
        Table t = CsvReader.read(write("a,b\n\"x\ny\",1\n\n\"p\",  nan\n"));
        DataFileException e = t.error(1, 1, "bad");
        assertAt(e, 5, 5, "bad");
    }

    @Test
    void bigFileGrowsItsBuffers() throws IOException {
        StringBuilder b = new StringBuilder("k,v,s\n");
        for (int i = 0; i < 5000; i++) {
            b.append(i).append(',').append(i * 0.5).append(",\"s").append(i % 7).append("\"\n");
        }
        Table t = CsvReader.read(write(b.toString()));
        assertEquals(5000, t.rows());
        assertEquals(4999, ((Column.Ints) t.columns().get(0)).values()[4999]);
        assertEquals(2499.5, ((Column.Doubles) t.columns().get(1)).values()[4999]);
        assertEquals(7, ((Column.Text) t.columns().get(2)).levels().length);
    }
}
