package org.shannon4j.conformance.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;
import org.shannon4j.conformance.property.Agreement.Call;
import org.shannon4j.dependence.Estimator;
import org.shannon4j.dependence.NmiAverage;

/**
 * The property layer over the mutual-information family on every backend: from labels (whole and offset
 * ranges), long and int contingency tables and joint pmfs (both policies), every unit — MI, joint and
 * conditional entropy, CMI, VI, NMI and AMI with every average, every estimator (MI and count entropy), the
 * G-test and the permutation test.
 *
 * <p>Tolerances (MutualInformationConformanceSuite and the Shannon Javadoc: the sums Σ n·ln n carry ~1e-15
 * relative error, their differences an absolute error below ~1e-14·ln N nats): backends agree within
 * 2e-13·(1 + ln N) nats for MI, entropies and VI (2e-13·(1 + ln cells) + 32ε·|ln Σ| for pmfs), 1e-12·(1 + ln N)
 * for the estimators, the G statistic within 2N times the MI bound, p-values within 1e-9 absolute. NMI and AMI
 * (unitless) within 1e-12 plus the MI bound magnified by their denominator ({@link Conditioning}): for
 * near-degenerate tables (entropies of 1e-11) the documented MI bound allows them to differ a lot.
 */
class MutualInformationProperties {

    @Provide
    Arbitrary<LabelCase> labels() {
        return LabelCase.arbitrary();
    }

    @Provide
    Arbitrary<TableCase> tables() {
        return TableCase.arbitrary();
    }

    @Property
    void labelMeasuresAgreeWithScalar(@ForAll("labels") LabelCase c) {
        Agreement.agree(labelCalls(c));
    }

    @Property
    void labelEstimatorsAndTestsAgreeWithScalar(@ForAll("labels") LabelCase c) {
        Agreement.agree(labelEstimatorCalls(c));
    }

    @Property
    void countTableMeasuresAgreeWithScalar(@ForAll("tables") TableCase c) {
        Agreement.agree(countCalls(c));
    }

    @Property
    void jointPmfMeasuresAgreeWithScalar(@ForAll("tables") TableCase c) {
        Agreement.agree(pmfCalls(c));
    }

    @Property
    void labelMeasuresRepeatBits(@ForAll("labels") LabelCase c) {
        List<Call> all = new ArrayList<>(labelCalls(c));
        all.addAll(labelEstimatorCalls(c));
        Agreement.repeat(all);
    }

    @Property
    void tableMeasuresRepeatBits(@ForAll("tables") TableCase c) {
        List<Call> all = new ArrayList<>(countCalls(c));
        all.addAll(pmfCalls(c));
        Agreement.repeat(all);
    }

    /** MI, joint entropy, VI, NMI and AMI of (x, y) equal those of (y, x); CMI of (x, y | z) that of (y, x | z). */
    @Property
    void labelMeasuresAreSymmetric(@ForAll("labels") LabelCase c) {
        int[] x = c.x();
        int[] y = c.y();
        int[] z = c.z();
        DoubleUnaryOperator tol = miTolerance(c.n(), c);
        boolean valid = c.n() > 0;
        List<Call[]> pairs = new ArrayList<>();
        pairs.add(pair("MI", s -> s.dependence().mutualInformation(x, y), s -> s.dependence().mutualInformation(y, x), tol, valid));
        pairs.add(pair("jointEntropy", s -> s.dependence().jointEntropy(x, y), s -> s.dependence().jointEntropy(y, x), tol, valid));
        pairs.add(pair("VI", s -> s.dependence().variationOfInformation(x, y), s -> s.dependence().variationOfInformation(y, x), tol, valid));
        pairs.add(pair("CMI", s -> s.dependence().conditionalMutualInformation(x, y, z),
                s -> s.dependence().conditionalMutualInformation(y, x, z), tol, valid));
        double[] h = Conditioning.entropies(x, y);
        double miBound = miBound(c.n());
        for (NmiAverage a : NmiAverage.values()) {
            pairs.add(pair("NMI " + a, s -> s.dependence().normalizedMutualInformation(x, y, a),
                    s -> s.dependence().normalizedMutualInformation(y, x, a), Conditioning.nmi(h, a, miBound), valid));
            pairs.add(pair("AMI " + a, s -> s.dependence().adjustedMutualInformation(x, y, a),
                    s -> s.dependence().adjustedMutualInformation(y, x, a), Conditioning.ami(h, a, miBound,
                            s -> s.dependence().adjustedMutualInformation(x, y, a), s -> s.dependence().mutualInformation(x, y)), valid));
        }
        Agreement.equalPairs(unitPairs(pairs, c));
    }

    /** The same for a table and its transpose, counts and pmf. */
    @Property
    void tableMeasuresAreSymmetric(@ForAll("tables") TableCase c) {
        long[] n = c.counts();
        long[] t = c.transposedCounts();
        double[] j = c.joint();
        double[] jt = c.transposedJoint();
        int r = c.rows();
        int k = c.cols();
        DoubleUnaryOperator tol = Agreement.absolute(2e-13 * (1 + Math.log(Math.max(1, total(n)))));
        DoubleUnaryOperator pmfTol = pmfTolerance(c);
        boolean valid = countsValid(n);
        boolean pmfValid = pmfValid(c);
        List<Call[]> pairs = new ArrayList<>();
        pairs.add(pair("MI(counts)", s -> s.dependence().mutualInformation(n, r, k), s -> s.dependence().mutualInformation(t, k, r), tol, valid));
        pairs.add(pair("jointEntropy(counts)", s -> s.dependence().jointEntropy(n, r, k), s -> s.dependence().jointEntropy(t, k, r), tol, valid));
        pairs.add(pair("VI(counts)", s -> s.dependence().variationOfInformation(n, r, k), s -> s.dependence().variationOfInformation(t, k, r),
                tol, valid));
        pairs.add(pair("MI(pmf)", s -> s.dependence().mutualInformation(j, r, k), s -> s.dependence().mutualInformation(jt, k, r), pmfTol,
                pmfValid));
        pairs.add(pair("jointEntropy(pmf)", s -> s.dependence().jointEntropy(j, r, k), s -> s.dependence().jointEntropy(jt, k, r), pmfTol,
                pmfValid));
        pairs.add(pair("VI(pmf)", s -> s.dependence().variationOfInformation(j, r, k), s -> s.dependence().variationOfInformation(jt, k, r),
                pmfTol, pmfValid));
        double[] h = Conditioning.entropies(n, r, k);
        double[] hj = Conditioning.entropies(j, r, k);
        double miBound = 2e-13 * (1 + Math.log(Math.max(1, total(n))));
        double pmfBound = pmfBound(c);
        for (NmiAverage a : NmiAverage.values()) {
            pairs.add(pair("NMI(counts) " + a, s -> s.dependence().normalizedMutualInformation(n, r, k, a),
                    s -> s.dependence().normalizedMutualInformation(t, k, r, a), Conditioning.nmi(h, a, miBound), valid));
            pairs.add(pair("AMI(counts) " + a, s -> s.dependence().adjustedMutualInformation(n, r, k, a),
                    s -> s.dependence().adjustedMutualInformation(t, k, r, a), Conditioning.ami(h, a, miBound,
                            s -> s.dependence().adjustedMutualInformation(n, r, k, a), s -> s.dependence().mutualInformation(n, r, k)), valid));
            pairs.add(pair("NMI(pmf) " + a, s -> s.dependence().normalizedMutualInformation(j, r, k, a),
                    s -> s.dependence().normalizedMutualInformation(jt, k, r, a), Conditioning.nmi(hj, a, pmfBound), pmfValid));
        }
        Agreement.equalPairs(policyAndUnitPairs(pairs, c));
    }

    // ------------------------------------------------------------------------------------------ calls

    static List<Call> labelCalls(LabelCase c) {
        int[] x = c.x();
        int[] y = c.y();
        int[] z = c.z();
        int n = c.n();
        int[] ex = c.embed(x, c.xOff());
        int[] ey = c.embed(y, c.yOff());
        DoubleUnaryOperator tol = miTolerance(n, c);
        boolean valid = n > 0;
        List<Call> calls = new ArrayList<>();
        calls.add(call("MI", s -> s.dependence().mutualInformation(x, y), tol, valid));
        calls.add(call("MI(offset)", s -> s.dependence().mutualInformation(ex, c.xOff(), ey, c.yOff(), n), tol, valid));
        calls.add(call("jointEntropy", s -> s.dependence().jointEntropy(x, y), tol, valid));
        calls.add(call("conditionalEntropy", s -> s.dependence().conditionalEntropy(x, y), tol, valid));
        calls.add(call("VI", s -> s.dependence().variationOfInformation(x, y), tol, valid));
        calls.add(call("CMI", s -> s.dependence().conditionalMutualInformation(x, y, z), tol, valid));
        double[] h = Conditioning.entropies(x, y);
        double miBound = miBound(n);
        for (NmiAverage a : NmiAverage.values()) {
            calls.add(call("NMI " + a, s -> s.dependence().normalizedMutualInformation(x, y, a), Conditioning.nmi(h, a, miBound),
                    valid));
            calls.add(call("AMI " + a, s -> s.dependence().adjustedMutualInformation(x, y, a), Conditioning.ami(h, a, miBound,
                    s -> s.dependence().adjustedMutualInformation(x, y, a), s -> s.dependence().mutualInformation(x, y)), valid));
        }
        return unit(calls, c);
    }

    static List<Call> labelEstimatorCalls(LabelCase c) {
        int[] x = c.x();
        int[] y = c.y();
        int n = c.n();
        boolean valid = n > 0;
        double lnN = Math.log(Math.max(1, n));
        List<Call> calls = new ArrayList<>();
        for (Estimator e : Estimator.values()) {
            calls.add(call("MI " + e, s -> s.dependence().mutualInformation(x, y, e), Agreement.absolute(1e-12 * (1 + lnN)), valid));
        }
        calls.add(call("G-test MI", s -> s.dependence().independenceTest(x, y).mutualInformation(), miTolerance(n, c), valid));
        calls.add(call("G-test statistic", s -> s.dependence().independenceTest(x, y).statistic(),
                Agreement.absolute(2 * n * 2e-13 * (1 + lnN)), valid));
        calls.add(call("G-test p-value", s -> s.dependence().independenceTest(x, y).pValue(), Agreement.absolute(1e-9), valid));
        calls.add(call("permutation p-value", s -> s.dependence().permutationTest(x, y, 19, 42).pValue(),
                Agreement.absolute(0), valid));
        return unit(calls, c);
    }

    static List<Call> countCalls(TableCase c) {
        long[] n = c.counts();
        int[] ni = c.intCounts();
        int r = c.rows();
        int k = c.cols();
        double lnN = Math.log(Math.max(1, total(n)));
        DoubleUnaryOperator tol = Agreement.absolute(2e-13 * (1 + lnN));
        boolean valid = countsValid(n);
        boolean intValid = countsValid(java.util.Arrays.stream(ni).asLongStream().toArray());
        List<Call> calls = new ArrayList<>();
        calls.add(call("MI(long counts)", s -> s.dependence().mutualInformation(n, r, k), tol, valid));
        calls.add(call("MI(int counts)", s -> s.dependence().mutualInformation(ni, r, k), tol, intValid));
        calls.add(call("jointEntropy(counts)", s -> s.dependence().jointEntropy(n, r, k), tol, valid));
        calls.add(call("conditionalEntropy(counts)", s -> s.dependence().conditionalEntropy(n, r, k), tol, valid));
        calls.add(call("VI(counts)", s -> s.dependence().variationOfInformation(n, r, k), tol, valid));
        double[] h = Conditioning.entropies(n, r, k);
        double miBound = 2e-13 * (1 + lnN);
        for (NmiAverage a : NmiAverage.values()) {
            calls.add(call("NMI(counts) " + a, s -> s.dependence().normalizedMutualInformation(n, r, k, a),
                    Conditioning.nmi(h, a, miBound), valid));
            calls.add(call("AMI(counts) " + a, s -> s.dependence().adjustedMutualInformation(n, r, k, a), Conditioning.ami(h, a,
                    miBound, s -> s.dependence().adjustedMutualInformation(n, r, k, a), s -> s.dependence().mutualInformation(n, r, k)),
                    valid));
        }
        for (Estimator e : Estimator.values()) {
            if (e == Estimator.NSB && !nsbTrusted(n)) {
                continue;
            }
            DoubleUnaryOperator et = Agreement.absolute(1e-12 * (1 + lnN));
            calls.add(call("MI(counts) " + e, s -> s.dependence().mutualInformation(n, r, k, e), et, valid));
            calls.add(call("entropy(long counts) " + e, s -> s.dependence().entropy(n, e), et, valid));
            calls.add(call("entropy(int counts) " + e, s -> s.dependence().entropy(ni, e), et, intValid));
        }
        calls.add(call("G-test(counts) MI", s -> s.dependence().independenceTest(n, r, k).mutualInformation(), tol, valid));
        calls.add(call("G-test(counts) p-value", s -> s.dependence().independenceTest(n, r, k).pValue(), Agreement.absolute(1e-9),
                valid));
        return policyAndUnit(calls, c);
    }

    static List<Call> pmfCalls(TableCase c) {
        double[] j = c.joint();
        int r = c.rows();
        int k = c.cols();
        DoubleUnaryOperator tol = pmfTolerance(c);
        boolean valid = pmfValid(c);
        List<Call> calls = new ArrayList<>();
        calls.add(call("MI(pmf)", s -> s.dependence().mutualInformation(j, r, k), tol, valid));
        calls.add(call("jointEntropy(pmf)", s -> s.dependence().jointEntropy(j, r, k), tol, valid));
        calls.add(call("conditionalEntropy(pmf)", s -> s.dependence().conditionalEntropy(j, r, k), tol, valid));
        calls.add(call("VI(pmf)", s -> s.dependence().variationOfInformation(j, r, k), tol, valid));
        double[] h = Conditioning.entropies(j, r, k);
        for (NmiAverage a : NmiAverage.values()) {
            calls.add(call("NMI(pmf) " + a, s -> s.dependence().normalizedMutualInformation(j, r, k, a),
                    Conditioning.nmi(h, a, pmfBound(c)), valid));
        }
        return policyAndUnit(calls, c);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Call call(String name, ToDoubleFunction<Shannon> f, DoubleUnaryOperator tol, boolean valid) {
        return new Call(name, f, tol, valid);
    }

    private static Call[] pair(String name, ToDoubleFunction<Shannon> a, ToDoubleFunction<Shannon> b,
                               DoubleUnaryOperator tol, boolean valid) {
        return new Call[] {call(name + "(x, y)", a, tol, valid), call(name + "(y, x)", b, tol, valid)};
    }

    /** MI-type bound in the case's unit: 2e-13·(1 + ln N) nats. */
    private static DoubleUnaryOperator miTolerance(int n, LabelCase c) {
        return Agreement.absolute(2e-13 * (1 + Math.log(Math.max(1, n))) / c.unit().natsPerUnit());
    }

    private static DoubleUnaryOperator pmfTolerance(TableCase c) {
        return Agreement.absolute(pmfBound(c) / c.unit().natsPerUnit());
    }

    /** The pmf bound in nats: 2e-13·(1 + ln cells) + 32ε·|ln Σ|. */
    private static double pmfBound(TableCase c) {
        double sum = 0;
        for (double v : c.joint()) {
            sum += v >= 0 && v < Double.POSITIVE_INFINITY ? v : 0;
        }
        double lnS = sum > 0 && sum < Double.POSITIVE_INFINITY ? Math.abs(Math.log(sum)) : 0;
        return 2e-13 * (1 + Math.log(c.joint().length)) + 32 * DistOracle.EPS * lnS;
    }

    /** The MI bound in nats for N samples: 2e-13·(1 + ln N). */
    private static double miBound(int n) {
        return 2e-13 * (1 + Math.log(Math.max(1, n)));
    }

    /** Wraps each call so that it runs on the handle with the case's unit. */
    private static List<Call> unit(List<Call> calls, LabelCase c) {
        return calls.stream().map(k -> new Call(k.name(), s -> k.f().applyAsDouble(s.withUnit(c.unit())),
                k.tolerance(), k.valid())).toList();
    }

    private static List<Call[]> unitPairs(List<Call[]> pairs, LabelCase c) {
        return pairs.stream().map(p -> unit(List.of(p), c).toArray(Call[]::new)).toList();
    }

    private static List<Call> policyAndUnit(List<Call> calls, TableCase c) {
        return calls.stream().map(k -> new Call(k.name(),
                s -> k.f().applyAsDouble(s.withUnit(c.unit()).withNormalization(c.policy())), k.tolerance(),
                k.valid())).toList();
    }

    private static List<Call[]> policyAndUnitPairs(List<Call[]> pairs, TableCase c) {
        return pairs.stream().map(p -> policyAndUnit(List.of(p), c).toArray(Call[]::new)).toList();
    }

    /**
     * NSB returns NaN for cells beyond about 2^53 (finding N6 in /work/notes/property-findings.md: entropy of
     * {35021075976547849, 18623891341581493} under NSB is NaN on every backend): left out above 2^52 per table until
     * that is fixed; remove this then.
     */
    static boolean nsbTrusted(long[] counts) {
        return total(counts) <= 1L << 52;
    }

    static long total(long[] counts) {
        long t = 0;
        for (long v : counts) {
            if (v > 0) {
                t = t > Long.MAX_VALUE - v ? Long.MAX_VALUE : t + v;
            }
        }
        return t;
    }

    /** All counts ≥ 0, at least one positive, the total within a long. */
    static boolean countsValid(long[] counts) {
        long t = 0;
        for (long v : counts) {
            if (v < 0) {
                return false;
            }
            try {
                t = Math.addExact(t, v);
            } catch (ArithmeticException e) {
                return false;
            }
        }
        return t > 0;
    }

    /** Entries finite and ≥ 0 below 1e300, a positive sum; under REQUIRE the sum clearly within the tolerance. */
    static boolean pmfValid(TableCase c) {
        double sum = 0;
        for (double v : c.joint()) {
            if (!(v >= 0 && v < 1e300)) {
                return false;
            }
            sum += v;
        }
        if (!(sum > 0)) {
            return false;
        }
        return c.policy() == Normalization.NORMALIZE
                || Math.abs(sum - 1) <= 0.5 * Normalization.sumTolerance(c.joint().length, false);
    }
}
