package org.shannon4j.simd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Byte codes grouped by class ({@link org.shannon4j.spi.CountingKernels#splitByClass}) with {@code compress}: per
 * 64 rows, one 64-byte vector, and per class whose mask word has rows, the vector compressed by that word
 * (VPCOMPRESSB) and stored with a mask of as many lanes as rows, so that no byte past the class's rows is
 * written. A selection at 100,000 rows × 1,000 columns spent about 45 ms in its plain gather of the codes into class
 * order, against about 9 ms this way (docs/performance-notes.md).
 *
 * <p>Only with 64 byte lanes and AVX-512 VBMI2, read from Linux's {@code /proc/cpuinfo}: C2 compiles a byte
 * compress to VPCOMPRESSB on VBMI2 only, and the Java fallback it runs elsewhere allocates and is far slower than
 * the plain loop. Elsewhere (other systems, narrower vectors) the backend runs the reference loop.
 */
final class SimdClassSplit {

    private static final VectorSpecies<Byte> B = Species.B;
    /** Whether the compress path runs here. */
    static final boolean COMPRESS = B.length() == 64 && cpuFlag(Path.of("/proc/cpuinfo"), "avx512_vbmi2");

    private SimdClassSplit() {
    }

    /** Whether the first "flags" line of a cpuinfo file lists the flag (false if there is none, or no file). */
    static boolean cpuFlag(Path cpuinfo, String flag) {
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> Arrays.asList(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).contains(flag))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The compress path (the caller checks {@link #COMPRESS}, or tests it where it runs). */
    static void splitByClass(byte[] codes, int offset, int length, long[] classMasks, int classes, int[] starts,
                             byte[] out) {
        int words = Math.ceilDiv(length, 64);
        int whole = length >>> 6;
        for (int w = 0; w < whole; w++) {
            ByteVector v = ByteVector.fromArray(B, codes, offset + (w << 6));
            for (int g = 0; g < classes; g++) {
                long rows = classMasks[g * words + w];
                if (rows != 0) {
                    int k = Long.bitCount(rows);
                    int at = starts[g];
                    v.compress(VectorMask.fromLong(B, rows))
                            .intoArray(out, at, VectorMask.fromLong(B, k == 64 ? -1L : (1L << k) - 1));
                    starts[g] = at + k;
                }
            }
        }
        for (int i = whole << 6; i < length; i++) {
            for (int g = 0; g < classes; g++) {
                if ((classMasks[g * words + (i >>> 6)] >>> i & 1) != 0) {
                    out[starts[g]++] = codes[offset + i];
                    break;
                }
            }
        }
    }
}
