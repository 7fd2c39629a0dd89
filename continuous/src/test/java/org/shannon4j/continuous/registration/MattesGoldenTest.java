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

/**
 * ITK 5.2's own MattesMutualInformationImageToImageMetricv4 value and derivative (continuous/tools/generate_mattes.sh:
 * 2-D images, identity translation, every voxel, one work unit, ITK's central-difference gradients as the per-voxel
 * terms) on both backends. ITK computes in double (PDFValueType = double), so the value is held to 1e-12 relative;
 * a derivative component is held to 1e-12 of the largest component of its case (components near 0 are differences
 * of terms of that size, and glibc's and Java's logarithms may differ in the last ulp).
 */
class MattesGoldenTest {

    private static final double TOL = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void matchesItk(String backend) throws IOException {
        Registration reg = Registration.of(Shannon.get(backend).context());
        Registration bits = Registration.of(Shannon.get(backend).context().withUnit(InfoUnit.BITS));
        List<String> failures = new ArrayList<>();
        List<Case> cases = read();
        for (Case c : cases) {
            int n = c.fixed.length;
            double[] term = new double[2 * n];
            for (int i = 0; i < n; i++) {
                term[2 * i] = c.gx[i];
                term[2 * i + 1] = c.gy[i];
            }
            MattesMutualInformation m = reg.mattes(c.fixed, c.moving, c.bins, term, 2);
            check(failures, c.name + " value", c.value, -m.mutualInformation(), Math.abs(c.value));
            double scale = Math.max(Math.abs(c.d[0]), Math.abs(c.d[1]));
            for (int mu = 0; mu < 2; mu++) {
                check(failures, c.name + " d" + mu, c.d[mu], m.derivative()[mu], scale);
            }
            assertEquals(n, m.points());
            check(failures, c.name + " value alone", c.value, -reg.mattesMutualInformation(c.fixed, c.moving,
                    c.bins), Math.abs(c.value));
            check(failures, c.name + " bits", c.value / Math.log(2),
                    -bits.mattesMutualInformation(c.fixed, c.moving, c.bins), Math.abs(c.value));
            if (c.name.startsWith("integer")) { // exact as floats: the float path reads the same values
                float[] ff = new float[n];
                float[] fm = new float[n];
                for (int i = 0; i < n; i++) {
                    ff[i] = (float) c.fixed[i];
                    fm[i] = (float) c.moving[i];
                }
                MattesMutualInformation mf = reg.mattes(ff, fm, c.bins, term, 2);
                assertEquals(m.mutualInformation(), mf.mutualInformation(), c.name);
                assertEquals(m.derivative()[0], mf.derivative()[0], c.name);
            }
        }
        assertTrue(cases.size() >= 30, "cases read: " + cases.size());
        assertEquals(List.of(), failures, failures.size() + " differences from ITK");
    }

    private static void check(List<String> failures, String what, double want, double got, double scale) {
        double err = Math.abs(got - want);
        if (!(err <= TOL * scale)) {
            failures.add(what + ": want " + want + " got " + got + " (err " + err + ", scale " + scale + ")");
        }
    }

    private record Case(String name, int bins, double value, double[] d, double[] fixed, double[] moving,
                        double[] gx, double[] gy) {
    }

    private static List<Case> read() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = MattesGoldenTest.class.getResourceAsStream("mattes.tsv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                out.add(new Case(f[0], Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                        new double[] {Double.parseDouble(f[5]), Double.parseDouble(f[6])}, parse(r.readLine()),
                        parse(r.readLine()), parse(r.readLine()), parse(r.readLine())));
            }
        }
        return out;
    }

    private static double[] parse(String s) {
        return RegistrationGoldenTest.parse(s);
    }
}
