package org.shannon4j.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.InfoUnit;
import org.shannon4j.Shannon;

/**
 * {@link SpacingEntropy} against scipy 1.10's {@code differential_entropy} (continuous/tools/generate_spacing.py):
 * every method, the default and fixed windows, nats and bits, on every backend; where scipy's result is not finite
 * (a zero spacing, an overflow), an {@link IllegalArgumentException} instead. Held to 1e-14 relative: only the
 * logarithms' last bits may differ (glibc's against Java's).
 */
class SpacingEntropyTest {

    private static final double TOL = 1e-14;

    record Case(String data, String method, String window, String base, String value) {
    }

    private static final Map<String, double[]> DATA = new HashMap<>();
    private static final List<Case> CASES = new ArrayList<>();

    static {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                SpacingEntropyTest.class.getResourceAsStream("scipy_spacing.txt.gz")), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (f[0].equals("#data")) {
                    double[] v = new double[Integer.parseInt(f[2])];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Double.parseDouble(r.readLine());
                    }
                    DATA.put(f[1], v);
                } else if (f[0].equals("#case")) {
                    CASES.add(new Case(f[1], f[2], f[3], f[4], f[5]));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static SpacingMethod method(String scipy) {
        return SpacingMethod.valueOf(scipy.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    @ParameterizedTest
    @MethodSource("org.shannon4j.continuous.JidtFixtures#backends")
    void matchesScipy(String backend) {
        Shannon nats = Shannon.get(backend);
        SpacingEntropy e = SpacingEntropy.of(nats.context());
        SpacingEntropy b = SpacingEntropy.of(nats.withUnit(InfoUnit.BITS).context());
        int checked = 0;
        int errors = 0;
        int exact = 0;
        double worst = 0;
        for (Case c : CASES) {
            SpacingEntropy h = (c.base().equals("e") ? e : b).withMethod(method(c.method()));
            if (!c.window().equals("default")) {
                h = h.withWindow(Integer.parseInt(c.window()));
            }
            double[] x = DATA.get(c.data());
            String what = String.join(" ", c.data(), c.method(), c.window(), c.base());
            if (c.value().equals("error")) {
                SpacingEntropy estimator = h;
                IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                        () -> estimator.entropy(x), what);
                assertTrue(ex.getMessage().startsWith("values["), what + ": " + ex.getMessage());
                errors++;
                continue;
            }
            double expected = Double.parseDouble(c.value());
            double ours = h.entropy(x);
            assertEquals(expected, ours, TOL * Math.abs(expected), what);
            assertEquals(ours, h.entropy(x), 0.0, what + ": a second call");
            worst = Math.max(worst, Math.abs(ours - expected) / Math.abs(expected));
            exact += ours == expected ? 1 : 0;
            checked++;
        }
        assertTrue(checked >= 500 && errors >= 20, checked + " values, " + errors + " errors");
        System.out.println(backend + ": scipy differential_entropy: " + checked + " values (" + exact
                + " to the bit, largest relative difference " + worst + "), " + errors + " errors");
    }

    @Test
    void windowAndValuesAreChecked() {
        SpacingEntropy h = SpacingEntropy.of(Shannon.get().context());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> h.entropy(new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("window = 2 (the default, floor(sqrt(n) + 0.5)) for n = 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> h.withWindow(5).entropy(new double[10]));
        assertTrue(e.getMessage().contains("window = 5 for n = 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> h.withWindow(0));
        assertTrue(e.getMessage().contains("window = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> h.entropy(new double[] {1, 2, Double.NaN, 4, 5, 6, 7, 8, 9, 10}));
        assertTrue(e.getMessage().contains("values[2] = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> h.withWindow(1).entropy(new double[] {1, 2, 2, 2, 5, 6, 7, 8, 9, 10}));
        assertTrue(e.getMessage().contains("values[1] = 2.0 occurs 3 times"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> h.withMethod(SpacingMethod.VASICEK).entropy(new double[] {-1.5e308, 1.6e308, 0, 1, 2}));
        assertTrue(e.getMessage().contains("values[1] = 1.6E308"), e.getMessage());
    }

    /** Entropy is shift-invariant and moves by ln a under scaling by a, exactly in the estimator's terms. */
    @Test
    void closedForms() {
        SpacingEntropy h = SpacingEntropy.of(Shannon.get().context());
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        double[] x = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        // N(0, 1): ½ ln(2πe) = 1.4189; Vasicek is biased low by O(m/n + 1/m)
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E), h.entropy(x), 0.01);
        double[] scaled = x.clone();
        for (int i = 0; i < x.length; i++) {
            scaled[i] = 4 * x[i];
        }
        for (SpacingMethod m : SpacingMethod.values()) {
            assertEquals(h.withMethod(m).entropy(x) + Math.log(4), h.withMethod(m).entropy(scaled), 1e-12,
                    m.toString());
        }
    }
}
