package org.shannon4j.simd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPU test behind {@link SimdClassSplit#COMPRESS}: the flag among the first CPU's flags, else false. */
class SimdClassSplitTest {

    @Test
    void flagsOfTheFirstCpu(@TempDir Path dir) throws IOException {
        Path info = dir.resolve("cpuinfo");
        Files.writeString(info, """
                processor\t: 0
                model name\t: AMD EPYC
                flags\t\t: fpu avx2 avx512f avx512_vbmi2 avx512_vpopcntdq
                processor\t: 1
                flags\t\t: fpu avx2
                """);
        assertTrue(SimdClassSplit.cpuFlag(info, "avx512_vbmi2"));
        assertFalse(SimdClassSplit.cpuFlag(info, "avx512_vbmi"), "a whole flag, not a prefix");
        Files.writeString(info, "processor\t: 0\nflags\t\t: fpu avx2 avx512f\n");
        assertFalse(SimdClassSplit.cpuFlag(info, "avx512_vbmi2"));
        Files.writeString(info, "processor\t: 0\nFeatures\t: fp asimd\n");
        assertFalse(SimdClassSplit.cpuFlag(info, "avx512_vbmi2"), "no flags line (ARM)");
        assertFalse(SimdClassSplit.cpuFlag(dir.resolve("missing"), "avx512_vbmi2"), "no file");
    }
}
