package org.shannon4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shannon4j.Shannon;

class AccuracyTest {

    @Test
    void everyBackendIsCloseToTheExactReferenceAndTheFileRoundTrips(@TempDir Path dir) throws Exception {
        List<String> backends = Shannon.backends().stream().filter(b -> b.supported()).map(b -> b.name()).toList();
        List<Accuracy.Row> rows = Accuracy.measure(backends, List.of(1000L), List.of("double", "float"), System.out);
        assertEquals(4 * 2 * backends.size(), rows.size());
        for (Accuracy.Row r : rows) {
            assertEquals(Accuracy.samplesFor(1000), r.samples());
            // README's promise: 1e-13 relative for double input, 1e-6 for float (KL and JS are not near 0 here).
            double bound = r.type().equals("double") ? 1e-13 : 1e-6;
            assertTrue(r.maxVsExact() <= bound, r.toString());
            assertTrue(r.medianVsExact() <= r.maxVsExact(), r.toString());
        }
        Path file = dir.resolve(Accuracy.FILE_NAME);
        Accuracy.write(rows, file);
        List<Accuracy.Row> back = Accuracy.read(file);
        assertEquals(rows.size(), back.size());
        assertEquals(rows.getFirst().measure(), back.getFirst().measure());
        String md = new ReportWriter(JmhResults.parse(ReportWriterTest.sample()), null, "t", back).markdown();
        assertTrue(md.contains("| entropy | double | scalar | 16 |"), md);
    }

    @Test
    void medianAndOtherBackend() {
        assertEquals(2.0, Accuracy.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Accuracy.median(new double[] {4, 1, 2, 3}));
        assertEquals("scalar", Accuracy.otherOf("simd", List.of("scalar", "simd")));
        assertEquals("simd", Accuracy.otherOf("scalar", List.of("scalar", "simd")));
        assertEquals(null, Accuracy.otherOf("scalar", List.of("scalar")));
    }
}
