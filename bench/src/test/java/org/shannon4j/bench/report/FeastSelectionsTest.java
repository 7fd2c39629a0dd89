package org.shannon4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeastSelectionsTest {

    private static String row(String criterion, String backend, int threads, double seconds) {
        return "{\"benchmark\": \"org.shannon4j.bench.SelectionBenchmark.select\", \"params\": {\"criterion\": \""
                + criterion + "\", \"backend\": \"" + backend + "\", \"threads\": \"" + threads + "\", \"shape\": "
                + "\"100000x1000\", \"k\": \"50\"}, \"primaryMetric\": {\"score\": " + seconds + ", \"scoreError\": "
                + seconds / 10 + ", \"scoreUnit\": \"s/op\"}}";
    }

    private static JmhResults results() {
        return JmhResults.parse("[" + String.join(",", row("jmi", "scalar", 1, 2.0), row("jmi", "simd", 2, 0.5),
                row("cmim", "simd", 2, 0.25)) + "]");
    }

    private static FeastSelections.Result timed() {
        return new FeastSelections.Result(List.of(
                new FeastSelections.Row("100000x1000", "jmi", 21.0, 21.5, new int[] {2, 10}, new int[] {2, 10}),
                new FeastSelections.Row("100000x1000", "cmim", 1.25, 1.3, new int[] {2, 6}, new int[] {2, 7})),
                "FEAST bd9ab70, MIToolbox 351d7b6, gcc 12 -O3 -march=native", null);
    }

    @Test
    void roundTripsThroughItsFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve(FeastSelections.FILE_NAME);
        assertNull(FeastSelections.read(f));
        FeastSelections.write(timed(), f);
        FeastSelections.Result back = FeastSelections.read(f);
        assertEquals(timed().build(), back.build());
        assertNull(back.unavailable());
        assertEquals(2, back.rows().size());
        assertEquals(21.0, back.rows().get(0).cpuSeconds());
        assertArrayEquals(new int[] {2, 7}, back.rows().get(1).feast());
        assertTrue(back.rows().get(0).same());
        assertFalse(back.rows().get(1).same());
        FeastSelections.write(new FeastSelections.Result(List.of(), "", "no C compiler (gcc not found; set CC)"), f);
        assertEquals("no C compiler (gcc not found; set CC)", FeastSelections.read(f).unavailable());
    }

    @Test
    void sectionShowsOursPerBackendAndThreadsNextToFeast() {
        String md = new ReportWriter(results(), null, "t").withFeast(timed()).markdown();
        assertTrue(md.contains("## Feature selection"), md);
        assertTrue(md.contains("| rows × features | criterion | FEAST s | scalar, 1 thread | simd, 2 threads | same |"), md);
        assertTrue(md.contains("| 100000 × 1000 | JMI | 21.0 | 2.00 ± 0.20 s (10.5×) | 0.500 ± 0.050 s (42.0×) | yes |"), md);
        assertTrue(md.contains("| 100000 × 1000 | CMIM | 1.25 | – | 0.250 ± 0.025 s (5.00×) | **no** |"), md);
        assertTrue(md.contains("- 100000x1000 CMIM: `2 6` vs `2 7`"), md);
        assertTrue(md.contains("FEAST bd9ab70"), md);
    }

    @Test
    void sectionSaysWhyFeastWasNotTimed() {
        String md = new ReportWriter(results(), null, "t")
                .withFeast(new FeastSelections.Result(List.of(), "", "no C compiler (gcc not found; set CC)")).markdown();
        assertTrue(md.contains("**FEAST was not timed in this run**: no C compiler (gcc not found; set CC)."), md);
        assertTrue(md.contains("| 100000 × 1000 | JMI | – | 2.00 ± 0.20 s | 0.500 ± 0.050 s | – |"), md);
        assertTrue(new ReportWriter(results(), null, "t").markdown().contains("FEAST was not timed with these results"));
        assertFalse(new ReportWriter(JmhResults.parse("[]"), null, "t").markdown().contains("## Feature selection"));
    }
}
