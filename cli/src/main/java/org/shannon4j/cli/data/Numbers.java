package org.shannon4j.cli.data;

/**
 * Strict number syntax for CSV cells, on a slice of a char array without making a String for integers. Spaces and
 * tabs around a number are ignored. Integers: an optional sign and decimal digits, within the int range. Floating:
 * {@code [+-]? (digits [. digits] | . digits) ([eE] [+-]? digits)?} or {@code nan}, {@code inf},
 * {@code infinity} in any case with an optional sign (numpy's and pandas' spellings); Java's own extras (hex,
 * {@code d}/{@code f} suffixes, {@code Infinity} only) are not numbers here.
 */
final class Numbers {

    private Numbers() {
    }

    /** The int in {@code s[from..to)}, or {@code Long.MIN_VALUE} if it is not one. */
    static long parseInt(char[] s, int start, int end) {
        int from = skipBlanks(s, start, end);
        int to = trailingBlanks(s, from, end);
        boolean negative = false;
        if (from < to && (s[from] == '+' || s[from] == '-')) {
            negative = s[from] == '-';
            from++;
        }
        if (from == to || to - from > 10) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        v = negative ? -v : v;
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? Long.MIN_VALUE : v;
    }

    /** The long written in {@code s[start..end)} (blanks around it allowed), or null if it is not one. */
    static Long longValue(char[] s, int start, int end) {
        if (!isLong(s, start, end)) {
            return null;
        }
        int from = skipBlanks(s, start, end);
        int to = trailingBlanks(s, from, end);
        return Long.parseLong(new String(s, from, to - from));
    }

    /** Whether {@code s[from..to)} is an integer literal within the long range (blanks and a sign allowed). */
    static boolean isLong(char[] s, int start, int end) {
        int from = skipBlanks(s, start, end);
        int to = trailingBlanks(s, from, end);
        int digits = from < to && (s[from] == '+' || s[from] == '-') ? from + 1 : from;
        if (digits == to) {
            return false;
        }
        for (int i = digits; i < to; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
        }
        try {
            Long.parseLong(new String(s, from, to - from)); // digits and a sign: only the range can fail
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The double in {@code s[from..to)} (correctly rounded), or null if it is not a number. */
    static Double parseDouble(char[] s, int start, int end) {
        int from = skipBlanks(s, start, end);
        int to = trailingBlanks(s, from, end);
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '+' || s[i] == '-')) {
            negative = s[i] == '-';
            i++;
        }
        String word = new String(s, i, to - i).toLowerCase(java.util.Locale.ROOT);
        switch (word) {
            case "nan" -> {
                return Double.NaN;
            }
            case "inf", "infinity" -> {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            default -> {
            }
        }
        int digits = 0;
        while (i < to && s[i] >= '0' && s[i] <= '9') {
            i++;
            digits++;
        }
        if (i < to && s[i] == '.') {
            i++;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < to && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            if (i < to && (s[i] == '+' || s[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return null;
            }
        }
        return i == to ? Double.parseDouble(new String(s, from, to - from)) : null;
    }

    private static int skipBlanks(char[] s, int from, int to) {
        while (from < to && (s[from] == ' ' || s[from] == '\t')) {
            from++;
        }
        return from;
    }

    private static int trailingBlanks(char[] s, int from, int to) {
        while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\t')) {
            to--;
        }
        return to;
    }
}
