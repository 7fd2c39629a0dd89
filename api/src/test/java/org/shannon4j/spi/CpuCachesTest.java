package org.shannon4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache sizes: as Linux writes them, from a property first, then Linux, then the defaults. */
class CpuCachesTest {

    @Test
    void sizesAsLinuxWritesThem() {
        assertEquals(1 << 20, CpuCaches.size("1024K"));
        assertEquals(2 << 20, CpuCaches.size("2M"));
        assertEquals(524_288, CpuCaches.size("524288"));
        assertEquals(1L << 30, CpuCaches.size("1g"));
        for (String bad : new String[] {"", "K", "abc", "-5K", "0", "1.5M", "99999999999999999999"}) {
            assertEquals(-1, CpuCaches.size(bad), bad);
        }
    }

    @Test
    void l2FromThePropertyThenLinuxThenTheDefault(@TempDir Path dir) throws IOException {
        zen5(dir);
        assertEquals(1 << 20, CpuCaches.bytes(null, dir, 2, CpuCaches.DEFAULT_L2_BYTES));
        assertEquals(3 << 20, CpuCaches.bytes("3M", dir, 2, CpuCaches.DEFAULT_L2_BYTES));
        assertEquals(1 << 20, CpuCaches.bytes("lots", dir, 2, CpuCaches.DEFAULT_L2_BYTES),
                "an invalid property is ignored");
        assertEquals(1 << 20, CpuCaches.bytes("-1", dir, 2, CpuCaches.DEFAULT_L2_BYTES));
        assertEquals(2 << 20, CpuCaches.bytes(null, dir.resolve("missing"), 2, CpuCaches.DEFAULT_L2_BYTES));
        Path noL2 = dir.resolve("noL2");
        cache(noL2.resolve("index0"), "1", "Data", "32K");
        assertEquals(2 << 20, CpuCaches.bytes(null, noL2, 2, CpuCaches.DEFAULT_L2_BYTES));
        assertTrue(CpuCaches.l2Bytes() > 0);
    }

    @Test
    void lastLevelIsTheHighestListed(@TempDir Path dir) throws IOException {
        zen5(dir);
        assertEquals(32 << 20, CpuCaches.bytes(null, dir, 0, CpuCaches.DEFAULT_LAST_LEVEL_BYTES));
        assertEquals(64 << 20, CpuCaches.bytes("64M", dir, 0, CpuCaches.DEFAULT_LAST_LEVEL_BYTES));
        assertEquals(8 << 20, CpuCaches.bytes(null, dir.resolve("missing"), 0,
                CpuCaches.DEFAULT_LAST_LEVEL_BYTES));
        Path noL3 = dir.resolve("noL3");
        cache(noL3.resolve("index0"), "1", "Data", "32K");
        cache(noL3.resolve("index1"), "2", "Unified", "512K");
        assertEquals(512 << 10, CpuCaches.bytes(null, noL3, 0, CpuCaches.DEFAULT_LAST_LEVEL_BYTES));
        assertTrue(CpuCaches.lastLevelBytes() > 0);
    }

    /** The caches of the Zen 5 host: 48 kB L1 data, 32 kB L1 instruction, 1 MB L2, 32 MB L3. */
    private static void zen5(Path dir) throws IOException {
        cache(dir.resolve("index3"), "3", "Unified", "32768K");
        cache(dir.resolve("index0"), "1", "Data", "48K");
        cache(dir.resolve("index1"), "1", "Instruction", "32K");
        cache(dir.resolve("index2"), "2", "Unified", "1024K");
    }

    private static void cache(Path index, String level, String type, String size) throws IOException {
        Files.createDirectories(index);
        Files.writeString(index.resolve("level"), level + "\n");
        Files.writeString(index.resolve("type"), type + "\n");
        Files.writeString(index.resolve("size"), size + "\n");
    }
}
