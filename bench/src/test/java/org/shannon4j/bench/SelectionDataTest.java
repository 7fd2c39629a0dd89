package org.shannon4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shannon4j.Shannon;
import org.shannon4j.selection.DiscreteColumns;
import org.shannon4j.selection.FeatureSelection;
import org.shannon4j.selection.Selection;
import org.shannon4j.selection.StopReason;

class SelectionDataTest {

    @Test
    void sameSeedSameDataCodesInRangeBinaryTarget() {
        SelectionData a = SelectionData.generate(3000, 60, 7);
        SelectionData b = SelectionData.generate(3000, 60, 7);
        assertEquals(60, a.features());
        assertEquals(3000, a.rows());
        assertArrayEquals(a.target(), b.target());
        for (int c = 0; c < a.features(); c++) {
            assertArrayEquals(a.columns()[c], b.columns()[c], "column " + c);
            for (byte v : a.columns()[c]) {
                assertTrue(v >= 0 && v < SelectionData.LEVELS, "column " + c + " code " + v);
            }
        }
        for (int y : a.target()) {
            assertTrue(y == 0 || y == 1);
        }
        assertTrue(!java.util.Arrays.equals(a.columns()[0], SelectionData.generate(3000, 60, 8).columns()[0]));
    }

    /** Every benchmarked criterion runs its full k = 50 steps: the benchmark times the whole selection. */
    @Test
    void everyCriterionSelectsTheFullK() {
        SelectionData d = SelectionData.generate(5000, 200, SelectionData.SEED);
        FeatureSelection fs = FeatureSelection.of(Shannon.get("scalar").context());
        for (String c : List.of("jmi", "mrmr", "cmim")) {
            Selection s = fs.select(DiscreteColumns.wrap(d.columns(), d.levels()), d.target(),
                    SelectionBenchmark.criterion(c), 50);
            assertEquals(50, s.size(), c);
            assertEquals(StopReason.K_REACHED, s.stopReason(), c);
        }
    }

    @Test
    void fileRoundTripsAndHasTheDriversLayout(@TempDir Path dir) throws IOException {
        SelectionData d = SelectionData.generate(101, 7, 3);
        Path f = dir.resolve("d.bin");
        d.write(f);
        byte[] raw = Files.readAllBytes(f);
        assertEquals(SelectionData.HEADER_BYTES + 101 * 8, raw.length);
        assertEquals("S4JSEL01", new String(raw, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(101, raw[8]);  // rows, little-endian
        assertEquals(7, raw[16]);   // features
        assertEquals(10, raw[24]);  // levels
        assertEquals(d.columns()[1][0], raw[SelectionData.HEADER_BYTES + 101]);
        assertEquals(d.target()[100], raw[raw.length - 1]);
        SelectionData back = SelectionData.read(f);
        assertArrayEquals(d.target(), back.target());
        for (int c = 0; c < 7; c++) {
            assertArrayEquals(d.columns()[c], back.columns()[c]);
        }
        Files.write(f, new byte[] {1, 2, 3});
        assertThrows(IOException.class, () -> SelectionData.read(f));
    }

    @Test
    void shapes() {
        assertArrayEquals(new int[] {100000, 1000}, SelectionData.shape("100000x1000"));
        assertArrayEquals(new int[] {1000000, 100}, SelectionData.shape("1e6x100"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SelectionData.shape("100000"));
        assertTrue(e.getMessage().contains("'100000'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SelectionData.shape("axb"));
        assertThrows(IllegalArgumentException.class, () -> SelectionData.shape("1x5"));
    }
}
