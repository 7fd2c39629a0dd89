package org.shannon4j.conformance.property;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import net.jqwik.api.statistics.Statistics;
import org.shannon4j.Shannon;

/**
 * The three generic properties over a list of named calls (the mutual-information family and the losses, whose
 * contract is "a value, never NaN, unless the input is bad"): every backend agrees with the scalar reference
 * within a tolerance or both blame the same argument and index; the same call twice gives the same bits; two
 * calls that must be equal (a measure and its swapped form) are within the tolerance, bit equality counted as a
 * statistic.
 */
final class Agreement {

    /** One call of the public API on a handle; {@code valid} says the contract forbids rejecting it. */
    record Call(String name, ToDoubleFunction<Shannon> f, DoubleUnaryOperator tolerance, boolean valid) {
    }

    private Agreement() {
    }

    static void agree(List<Call> calls) {
        for (Call c : calls) {
            Outcome ref = Outcome.of(() -> c.f().applyAsDouble(Backends.REFERENCE));
            contract(c, Backends.REFERENCE, ref);
            for (Shannon s : Backends.OTHERS) {
                Outcome o = Outcome.of(() -> c.f().applyAsDouble(s));
                contract(c, s, o);
                if (ref.isValue() && o.isValue()) {
                    double tol = c.tolerance().applyAsDouble(ref.value());
                    if (!near(o.value(), ref.value(), tol)) {
                        fail(c.name() + ": " + s.backendName() + " gives " + o + " but scalar " + ref + " (tolerance "
                                + tol + ")");
                    }
                } else if (!(ref.isRejection() && o.isRejection() && ref.rejection().equals(o.rejection()))) {
                    fail(c.name() + ": " + s.backendName() + " gives " + o + " but scalar " + ref);
                }
            }
        }
    }

    static void contract(Call c, Shannon s, Outcome o) {
        String who = c.name() + " on " + s.backendName() + ": ";
        if (o.error() != null && !o.isRejection()) {
            fail(who + "unexpected " + o, o.error());
        }
        if (o.isValue() && Double.isNaN(o.value())) {
            fail(who + "NaN result");
        }
        if (c.valid() && !o.isValue()) {
            fail(who + "valid input rejected: " + o);
        }
    }

    static void repeat(List<Call> calls) {
        for (Call c : calls) {
            for (Shannon s : Backends.ALL) {
                Outcome first = Outcome.of(() -> c.f().applyAsDouble(s));
                Outcome second = Outcome.of(() -> c.f().applyAsDouble(s));
                if (!first.sameBits(second)) {
                    fail(c.name() + " on " + s.backendName() + ": first call " + first + " ["
                            + Values.hex(first.value()) + "], second " + second + " [" + Values.hex(second.value()) + "]");
                }
            }
        }
    }

    /** Each pair {a, b} must agree on every backend: both values within a's tolerance, or both rejected. */
    static void equalPairs(List<Call[]> pairs) {
        for (Call[] pair : pairs) {
            for (Shannon s : Backends.ALL) {
                Outcome a = Outcome.of(() -> pair[0].f().applyAsDouble(s));
                Outcome b = Outcome.of(() -> pair[1].f().applyAsDouble(s));
                contract(pair[0], s, a);
                contract(pair[1], s, b);
                if (a.isValue() && b.isValue()) {
                    double tol = pair[0].tolerance().applyAsDouble(a.value());
                    if (!near(a.value(), b.value(), tol)) {
                        fail(s.backendName() + ": " + pair[0].name() + " = " + a + " but " + pair[1].name() + " = " + b
                                + " (tolerance " + tol + ")");
                    }
                    Statistics.label(s.backendName() + " bit-equal").collect(a.sameBits(b));
                } else if (a.isValue() != b.isValue()) {
                    fail(s.backendName() + ": " + pair[0].name() + " = " + a + " but " + pair[1].name() + " = " + b);
                }
            }
        }
    }

    static boolean near(double actual, double expected, double tol) {
        if (Double.isInfinite(actual) || Double.isInfinite(expected)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= tol;
    }

    /** An absolute tolerance plus a few ulp of the value. */
    static DoubleUnaryOperator absolute(double tol) {
        return v -> tol + 4 * Math.ulp(v);
    }

    /** A relative tolerance with an absolute floor. */
    static DoubleUnaryOperator relative(double rel, double floor) {
        return v -> rel * Math.abs(v) + floor;
    }
}
