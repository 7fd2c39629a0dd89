package org.shannon4j.dependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link SpecialFunctions} against the scipy rows ({@code scipy.special.gammaln}, {@code scipy.stats.chi2.sf})
 * that {@code conformance/tools/generate_golden_mutual_information.py} writes into the conformance module's
 * {@code golden/mutual_information.tsv}. The functions are package-private, so the test lives here and reads
 * that file from the source tree (Surefire runs with the module directory as working directory); a missing
 * file or a file without such rows fails the test rather than skipping it.
 */
class SpecialFunctionsTest {

    static final Path GOLDEN = Path.of("..", "conformance", "src", "main", "resources", "org", "shannon4j",
            "conformance", "golden", "mutual_information.tsv");

    /** mpmath references for the polygamma functions (conformance/tools/generate_golden_nsb.py). */
    static final Path NSB_GOLDEN = GOLDEN.resolveSibling("nsb.tsv");

    static List<String[]> rows(String kind) throws IOException {
        return rows(GOLDEN, kind);
    }

    static List<String[]> rows(Path file, String kind) throws IOException {
        assertTrue(Files.isReadable(file), "golden file not found: " + file.toAbsolutePath());
        List<String[]> rows = Files.readAllLines(file).stream()
                .filter(l -> l.startsWith(kind + "\t"))
                .map(l -> l.split("\t"))
                .toList();
        assertFalse(rows.isEmpty(), "no '" + kind + "' rows in " + file);
        return rows;
    }

    /**
     * ln Γ(x): below 12 the argument is shifted up and ln of the product x(x+1)… is subtracted, so the absolute
     * error is a few ulp of the larger of the two terms (Stirling at z &lt; 23: ≤ 49), and the larger of that and
     * |ln Γ(x)| itself (≈ 690 at x = 1e-300) elsewhere: 4 ulp of max(64, |ln Γ(x)|). Observed: ≤ 1 ulp of it.
     */
    @Test
    void lgammaMatchesScipy() throws IOException {
        for (String[] r : rows("lgamma")) {
            double x = Double.parseDouble(r[1]);
            double expected = Double.parseDouble(r[2]);
            double actual = SpecialFunctions.lgamma(x);
            double tolerance = 4 * Math.ulp(Math.max(64, Math.abs(expected)));
            assertEquals(expected, actual, tolerance, "lgamma(" + x + ")");
        }
    }

    /**
     * P(χ²_df ≥ x): the series/continued fraction converge to 1e-16–1e-17 relative, the prefix
     * exp(a ln x − x − ln Γ(a)) amplifies the absolute error of its exponent (up to ~|ln Γ(a)| ≈ 2e4 at
     * df = 9801, i.e. ~1e-12) into a relative error: 1e-11 relative (observed: 1.7e-12 at df = 9801, ≤ 1.4e-13
     * elsewhere), plus 1e-300 absolute for values that underflow (scipy's 0.0 at x = 2000, df = 9).
     */
    @Test
    void chiSquaredSurvivalMatchesScipy() throws IOException {
        for (String[] r : rows("chi2sf")) {
            double x = Double.parseDouble(r[1]);
            double df = Double.parseDouble(r[2]);
            double expected = Double.parseDouble(r[3]);
            double actual = SpecialFunctions.chiSquaredSurvival(x, df);
            assertEquals(expected, actual, 1e-11 * Math.abs(expected) + 1e-300, "chi2sf(" + x + ", " + df + ")");
        }
    }

    /** mpmath's ln P(χ²_df ≥ x), with the script that wrote it beside it. */
    static final Path LOG_SF = Path.of("src", "test", "fixtures", "log_chi2_sf.tsv");

    /**
     * ln p = ln P(χ²_df ≥ x) against mpmath (50 digits; {@code src/test/fixtures/log_chi2_sf.py}) for df = 1..1e4
     * and x = 1e-6..1e7, where p goes down to e^(−5e6). Bound: relative error of ln p at most
     * 256·2⁻⁵²·max(1, |ln(1 − p)|), i.e. 5.7e-14 relative unless p is close to 1 — there ln p ≈ −(1 − p) and
     * its relative error is that of the small 1 − p = x^a·e^(−x)/Γ(a+1)·(…), whose exponent carries an absolute
     * rounding error of a few ulp of |ln(1 − p)| (up to ~700 before 1 − p underflows). Observed: 77 of those
     * units (df = 1, x = 3, where the continued fraction starts and converges slowest).
     */
    @Test
    void logChiSquaredSurvivalMatchesMpmath() throws IOException {
        List<String[]> rows = Files.readAllLines(LOG_SF).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.split("\\t")).toList();
        assertTrue(rows.size() > 500, "rows in " + LOG_SF.toAbsolutePath());
        for (String[] r : rows) {
            double df = Double.parseDouble(r[0]);
            double x = Double.parseDouble(r[1]);
            double expected = Double.parseDouble(r[2]);
            double lnCdf = Math.log(-Math.expm1(expected)); // ln(1 − p)
            // ln p below the double range (1 − p < e^-745) is -0.0: then 0 within the smallest subnormal
            double tolerance = expected == 0 ? Double.MIN_VALUE
                    : 256 * 0x1p-52 * Math.max(1, -lnCdf) * Math.abs(expected);
            assertEquals(expected, SpecialFunctions.logChiSquaredSurvival(x, df), tolerance,
                    "ln chi2sf(" + x + ", " + df + ")");
        }
    }

    @Test
    void edgeCases() {
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.lgamma(0.0));
        assertTrue(Double.isNaN(SpecialFunctions.lgamma(-1.0)));
        assertTrue(Double.isNaN(SpecialFunctions.lgamma(Double.NaN)));
        assertEquals(0.0, SpecialFunctions.lgamma(1.0));
        assertEquals(0.0, SpecialFunctions.lgamma(2.0));
        assertEquals(1.0, SpecialFunctions.chiSquaredSurvival(0.0, 3));
        assertEquals(0.0, SpecialFunctions.chiSquaredSurvival(1.0, 0));
        assertEquals(0.0, SpecialFunctions.logChiSquaredSurvival(0.0, 3));
        assertEquals(0.0, SpecialFunctions.logChiSquaredSurvival(-1.0, 3));
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.logChiSquaredSurvival(1.0, 0));
        assertEquals(0.0, SpecialFunctions.logChiSquaredSurvival(Double.MIN_VALUE, 1), 1e-150);
        assertTrue(SpecialFunctions.logChiSquaredSurvival(1e300, 1) < -1e299);
    }

    private static void relative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    /** ψ₁(x) against mpmath: every term positive, 1e-15 relative. */
    @Test
    void trigammaMatchesMpmath() throws IOException {
        for (String[] r : rows(NSB_GOLDEN, "trigamma")) {
            double x = Double.parseDouble(r[1]);
            relative(Double.parseDouble(r[2]), SpecialFunctions.trigamma(x), 1e-15, "trigamma(" + x + ")");
        }
    }

    /** ψ(b + d) − ψ(b) against mpmath, relative 1e-14 from d = 1e-12 to 1e30 and b = 1e-10 to 1e30. */
    @Test
    void digammaDifferenceMatchesMpmathWithoutCancellation() throws IOException {
        twoArguments("digamma-diff", SpecialFunctions::digammaDifference, 1e-14);
    }

    /** Rows {@code kind a b value}: f(a, b) within {@code tolerance} relative. */
    private static void twoArguments(String kind, java.util.function.DoubleBinaryOperator f, double tolerance)
            throws IOException {
        for (String[] r : rows(NSB_GOLDEN, kind)) {
            double a = Double.parseDouble(r[1]);
            double b = Double.parseDouble(r[2]);
            relative(Double.parseDouble(r[3]), f.applyAsDouble(a, b), tolerance, kind + "(" + a + ", " + b + ")");
        }
    }

    /** ln Γ(x+n) − ln Γ(x) − n·ln x against 120-digit mpmath: 1e-14 relative, or 1e-15·n/x absolute when smaller. */
    @Test
    void logRisingExcessMatchesMpmath() throws IOException {
        for (String[] r : rows(NSB_GOLDEN, "rising-excess")) {
            double x = Double.parseDouble(r[1]);
            double n = Double.parseDouble(r[2]);
            double expected = Double.parseDouble(r[3]);
            assertEquals(expected, SpecialFunctions.logRisingExcess(x, n),
                    1e-14 * Math.abs(expected) + 1e-15 * n / x, "excess(" + x + ", " + n + ")");
        }
    }

    /**
     * K·ψ₁(Kβ+1) − ψ₁(β+1) against mpmath up to β = 1e100 (where both terms are ~1/β): 5e-14 relative (seen:
     * 1.1e-14 at β = 11.9, K = 2, where the direct difference cancels by ~20×; a few ulp from 12 up).
     */
    @Test
    void priorEntropySlopeMatchesMpmath() throws IOException {
        twoArguments("prior-slope", SpecialFunctions::priorEntropySlope, 5e-14);
    }

    @Test
    void polygammaEdgeCases() {
        assertTrue(Double.isNaN(SpecialFunctions.trigamma(0.0)));
        assertTrue(Double.isNaN(SpecialFunctions.trigamma(Double.NaN)));
        assertTrue(Double.isNaN(SpecialFunctions.digammaDifference(0.0, 1.0)));
        assertTrue(Double.isNaN(SpecialFunctions.digammaDifference(1.0, -1.0)));
        assertEquals(0.0, SpecialFunctions.digammaDifference(3.0, 0.0));
        assertEquals(0.0, SpecialFunctions.logRisingExcess(5.0, 0));
        assertEquals(0.0, SpecialFunctions.logRisingExcess(1e20, 1));
        // ψ₁(1) = π²/6, ψ(x+1) − ψ(x) = 1/x
        assertEquals(Math.PI * Math.PI / 6, SpecialFunctions.trigamma(1.0), 4e-16);
        assertEquals(1 / 7.25, SpecialFunctions.digammaDifference(7.25, 1.0), 2 * Math.ulp(1 / 7.25));
    }
}
