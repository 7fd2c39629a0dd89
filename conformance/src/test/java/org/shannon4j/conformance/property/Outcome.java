package org.shannon4j.conformance.property;

import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one call of a measure gave: a value, or an {@link IllegalArgumentException} reduced to what it blames
 * (argument and index, "p[17]"; or argument and reason, "q: sum"; or "overflow"), or any other throwable,
 * which no generated input may cause. Two backends agree on a rejection when they blame the same thing; the
 * wording may differ.
 */
record Outcome(double value, String rejection, Throwable error) {

    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)\\] = ");
    private static final Pattern SUM = Pattern.compile("^(\\w+) (sums to|is all zeros|is empty)");

    static Outcome of(DoubleSupplier call) {
        try {
            return new Outcome(call.getAsDouble(), null, null);
        } catch (IllegalArgumentException e) {
            return new Outcome(Double.NaN, blame(e.getMessage()), e);
        } catch (RuntimeException | Error e) {
            return new Outcome(Double.NaN, null, e);
        }
    }

    /** The argument and index (or reason) a message blames; the whole message if it has no known shape. */
    static String blame(String message) {
        if (message == null) {
            return "(no message)";
        }
        Matcher m = INDEXED.matcher(message);
        if (m.find()) {
            return m.group(1) + "[" + m.group(2) + "]";
        }
        m = SUM.matcher(message);
        if (m.find()) {
            return m.group(1) + ": " + m.group(2);
        }
        if (message.contains("overflow")) {
            return "overflow";
        }
        return message;
    }

    boolean isValue() {
        return rejection == null && error == null;
    }

    boolean isRejection() {
        return rejection != null;
    }

    /** Bit-identical outcomes: the same bits, or the same exception class and message. */
    boolean sameBits(Outcome o) {
        if (isValue() && o.isValue()) {
            return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(o.value);
        }
        return !isValue() && !o.isValue() && error.getClass() == o.error.getClass()
                && java.util.Objects.equals(error.getMessage(), o.error.getMessage());
    }

    @Override
    public String toString() {
        if (isValue()) {
            return Values.show(value);
        }
        return error.getClass().getSimpleName() + "(\"" + error.getMessage() + "\")";
    }
}
