package org.shannon4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Every edge of numpy's histogram_bin_edges (drift/tools/generate_bin_edges.py) bit for bit, and np.histogram's counts. */
class BinEdgesGoldenTest {

    @Test
    void everyEdgeEqualsNumpysBitForBit() throws IOException {
        Map<String, double[]> data = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (InputStream in = BinEdgesGoldenTest.class.getResourceAsStream("bin_edges.tsv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("D")) {
                    data.put(f[1], parse(f[2]));
                } else if (f[0].equals("E")) {
                    String problem = check(data.get(f[1]), f);
                    if (problem != null) {
                        failures.add(f[1] + " " + f[2] + " " + f[3] + ": " + problem);
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 700, "golden lines read: " + checked);
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " cases differ from numpy");
    }

    private static String check(double[] a, String[] f) {
        String mode = f[2];
        String rule = f[3];
        int size = Integer.parseInt(f[6]);
        int stride = Integer.parseInt(f[7]);
        double[] want = parse(f[8]);
        String counts = f[9];
        if (counts.equals("error")) {
            try {
                edges(a, mode, rule, f);
                return "numpy gives no usable edges here, expected an IllegalArgumentException";
            } catch (IllegalArgumentException expected) {
                return null;
            }
        }
        double[] got = edges(a, mode, rule, f);
        if (got.length != size) {
            return got.length + " edges, numpy " + size;
        }
        for (int k = 0; k < want.length; k++) {
            int i = Math.min(k * stride, size - 1);
            if (Double.doubleToRawLongBits(got[i]) != Double.doubleToRawLongBits(want[k])) {
                return "edge " + i + " = " + Double.toHexString(got[i]) + ", numpy " + Double.toHexString(want[k]);
            }
        }
        long[] n = Histogram.count(a, got);
        String gotCounts;
        if (counts.startsWith("sum=")) {
            long sum = 0;
            for (long c : n) {
                sum += c;
            }
            gotCounts = "sum=" + sum;
        } else {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n.length; i++) {
                sb.append(i == 0 ? "" : ",").append(n[i]);
            }
            gotCounts = sb.toString();
        }
        return gotCounts.equals(counts) ? null : "counts " + gotCounts + ", numpy " + counts;
    }

    private static double[] edges(double[] a, String mode, String rule, String[] f) {
        return switch (mode) {
            case "plain", "int1" -> BinEdges.of(a, rule(rule));
            case "range" -> BinEdges.inRange(a, rule(rule), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    NonFinite.DROP);
            case "int2" -> BinEdges.ofIntegerColumn(a, rule(rule), NonFinite.REJECT);
            case "quant" -> BinEdges.quantiles(a, Integer.parseInt(rule));
            case "auto23" -> BinEdges.of(a, BinRule.AUTO_NUMPY_2_3);
            default -> throw new AssertionError(mode);
        };
    }

    private static BinRule rule(String s) {
        return Character.isDigit(s.charAt(0)) ? BinRule.count(Integer.parseInt(s)) : BinRule.named(s);
    }

    private static double[] parse(String s) {
        if (s.isEmpty()) {
            return new double[0];
        }
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}
