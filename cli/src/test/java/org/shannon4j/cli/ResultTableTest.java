package org.shannon4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    /** Expected strings from Python's {@code "%.17g" % x} (C's printf). */
    @Test
    void g17IsCsPrintf() {
        assertEquals("0.10000000000000001", ResultTable.g17(0.1));
        assertEquals("0.5", ResultTable.g17(0.5));
        assertEquals("0", ResultTable.g17(0.0));
        assertEquals("-0", ResultTable.g17(-0.0));
        assertEquals("1", ResultTable.g17(1.0));
        assertEquals("1.0000000000000001e-05", ResultTable.g17(1e-5));
        assertEquals("0.0001", ResultTable.g17(1e-4));
        assertEquals("1.2345678901234568e+17", ResultTable.g17(123456789012345678.0));
        assertEquals("12345678901234568", ResultTable.g17(12345678901234567.0));
        assertEquals("-2.5", ResultTable.g17(-2.5));
        assertEquals("1e+100", ResultTable.g17(1e100));
        assertEquals("4.9406564584124654e-324", ResultTable.g17(Double.MIN_VALUE));
        assertEquals("0.69314718055994529", ResultTable.g17(Math.log(2)));
        assertEquals("nan", ResultTable.g17(Double.NaN));
        assertEquals("-inf", ResultTable.g17(Double.NEGATIVE_INFINITY));
    }

    private static String print(ResultTable t, String format) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        t.print(format, "title", new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void formats() {
        ResultTable t = new ResultTable(List.of("column", "value")).meta("n", 2).row("a\tb", 0.1).row("é\"", 2.0);
        assertEquals("column\tvalue\na\\tb\t0.10000000000000001\né\"\t2\n", print(t, "tsv"));
        assertEquals("{\"n\": 2, \"results\": [\n  {\"column\": \"a\\tb\", \"value\": 0.1},\n"
                + "  {\"column\": \"é\\\"\", \"value\": 2.0}\n]}\n", print(t, "json"));
        assertEquals("title\ncolumn     value\na\tb     0.100000\né\"      2.000000\n", print(t, "table"));
    }
}
