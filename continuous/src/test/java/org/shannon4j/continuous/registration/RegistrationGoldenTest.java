package org.shannon4j.continuous.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;
import org.shannon4j.spi.Parallelism;

/**
 * numpy's histogram2d counts (checksums) and the exact MI, NMI and ECC of those counts
 * (continuous/tools/generate_registration.py) on both backends, at 1e-12 relative.
 */
class RegistrationGoldenTest {

    private static final double TOL = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void matchesNumpy(String backend) throws IOException {
        Registration reg = Registration.of(Shannon.get(backend).context());
        Registration bits = Registration.of(Shannon.get(backend).context().withUnit(InfoUnit.BITS));
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Case c : read()) {
            cases++;
            for (Registration r : List.of(reg, bits)) {
                int[] table;
                HistogramMutualInformation m;
                if (c.dbl) {
                    table = c.given ? r.jointHistogram(c.a, c.b, c.bins, c.range[0], c.range[1], c.range[2],
                            c.range[3], c.policy) : r.jointHistogram(c.a, c.b, c.bins);
                    m = c.given ? r.measures(c.a, c.b, c.bins, c.range[0], c.range[1], c.range[2], c.range[3],
                            c.policy) : r.measures(c.a, c.b, c.bins);
                } else {
                    float[] fa = floats(c.a);
                    float[] fb = floats(c.b);
                    table = c.given ? r.jointHistogram(fa, fb, c.bins, c.range[0], c.range[1], c.range[2],
                            c.range[3], c.policy) : r.jointHistogram(fa, fb, c.bins);
                    m = c.given ? r.measures(fa, fb, c.bins, c.range[0], c.range[1], c.range[2], c.range[3],
                            c.policy) : r.measures(fa, fb, c.bins);
                }
                long n = 0;
                long s1 = 0;
                long s2 = 0;
                for (int k = 0; k < table.length; k++) {
                    n += table[k];
                    s1 += (long) table[k] * k;
                    s2 += table[k] * ((long) k * k % 1000003);
                }
                if (n != c.counted || s1 != c.s1 || s2 != c.s2) {
                    failures.add(c.name + ": counts differ from numpy's (" + n + " " + s1 + " " + s2 + ")");
                    continue;
                }
                boolean inBits = r == bits;
                check(failures, c.name + " MI", inBits ? c.miBits : c.mi, m.mutualInformation());
                check(failures, c.name + " NMI", c.nmi, m.normalizedMutualInformation());
                check(failures, c.name + " ECC", c.ecc, m.entropyCorrelationCoefficient());
                check(failures, c.name + " H(A,B)", inBits ? c.hab / Math.log(2) : c.hab, m.jointEntropy());
                assertEquals(c.counted, m.pairs());
            }
        }
        assertTrue(cases >= 40, "cases read: " + cases);
        assertEquals(List.of(), failures, failures.size() + " differences from numpy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void twoThreadsCountTheSameTable(String backend) {
        var ctx = Shannon.get(backend).context();
        Registration one = Registration.of(ctx);
        Registration two = Registration.of(ctx.withParallelism(Parallelism.of(2, null, false)));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int n = (int) Parallelism.MIN_SPLIT * 2 + 12345;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) Math.sin(i * 1e-3) * 100;
            b[i] = a[i] + (float) rnd.nextGaussian() * 5;
        }
        assertEquals(java.util.Arrays.toString(one.jointHistogram(a, b, 256)),
                java.util.Arrays.toString(two.jointHistogram(a, b, 256)));
        assertEquals(one.measures(a, b, 256), two.measures(a, b, 256));
    }

    private static void check(List<String> failures, String what, double want, double got) {
        double err = Math.abs(got - want);
        if (!(err <= TOL * Math.abs(want) || err <= 1e-15)) {
            failures.add(what + ": want " + want + " got " + got + " (rel " + err / Math.abs(want) + ")");
        }
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private record Case(String name, boolean dbl, int bins, OutOfRange policy, boolean given, double[] range,
                        long counted, long s1, long s2, double mi, double nmi, double ecc, double hab,
                        double miBits, double[] a, double[] b) {
    }

    private static List<Case> read() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = RegistrationGoldenTest.class.getResourceAsStream("registration.tsv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                double[] a = parse(r.readLine().substring(2));
                double[] b = parse(r.readLine().substring(2));
                boolean given = !f[5].equals("-");
                double[] range = given ? new double[] {Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]), Double.parseDouble(f[8])} : null;
                out.add(new Case(f[1], f[2].equals("double"), Integer.parseInt(f[3]), OutOfRange.valueOf(f[4]),
                        given, range, Long.parseLong(f[10]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                        Double.parseDouble(f[13]), Double.parseDouble(f[14]), Double.parseDouble(f[15]),
                        Double.parseDouble(f[18]), Double.parseDouble(f[19]), a, b));
            }
        }
        return out;
    }

    static double[] parse(String s) {
        String[] p = s.split(",");
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = Double.parseDouble(p[i]);
        }
        return d;
    }
}
