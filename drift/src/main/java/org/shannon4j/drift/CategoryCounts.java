package org.shannon4j.drift;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The categories of a reference and a current column and each one's count in both: the histogram of a
 * categorical column pair, on which the histogram measures of {@link Drift} (with an {@link EmptyBins} policy)
 * and the presets' categorical rules work.
 *
 * <p>Missing values are {@code null} entries: they are left out and counted in {@link #referenceMissing} and
 * {@link #currentMissing} (Evidently and NannyML drop them). The categories are those of reference ∪ current,
 * sorted ({@link String#compareTo}); a category seen only in the current column (unseen in the reference) has a
 * reference count of 0 — what a measure does with it is the caller's policy, or the preset's: Evidently keeps it
 * as a bin of its own and fills the empty share; NannyML's JS and Hellinger pool all of them into one leftover
 * bin, its L∞ and chi-square keep each one. Categories are compared as strings: "1" and "1.0" are two
 * categories.
 *
 * @param categories the distinct non-null values of reference ∪ current, sorted
 * @param reference each category's count in the reference
 * @param current each category's count in the current column
 * @param referenceMissing the number of null entries of the reference
 * @param currentMissing the number of null entries of the current column
 */
public record CategoryCounts(String[] categories, long[] reference, long[] current, long referenceMissing,
        long currentMissing) {

    /**
     * Counts both columns' categories.
     *
     * @param reference the reference column, {@code null} for a missing value
     * @param current the current column, likewise
     * @return the categories and their counts
     */
    public static CategoryCounts of(String[] reference, String[] current) {
        Objects.requireNonNull(reference, "reference must not be null");
        Objects.requireNonNull(current, "current must not be null");
        Map<String, long[]> counts = new HashMap<>();
        long refMissing = 0;
        long curMissing = 0;
        for (String s : reference) {
            if (s == null) {
                refMissing++;
            } else {
                counts.computeIfAbsent(s, k -> new long[2])[0]++;
            }
        }
        for (String s : current) {
            if (s == null) {
                curMissing++;
            } else {
                counts.computeIfAbsent(s, k -> new long[2])[1]++;
            }
        }
        String[] keys = counts.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        long[] r = new long[keys.length];
        long[] c = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            long[] rc = counts.get(keys[i]);
            r[i] = rc[0];
            c[i] = rc[1];
        }
        return new CategoryCounts(keys, r, c, refMissing, curMissing);
    }

    /**
     * The number of non-missing reference values.
     *
     * @return Σ reference
     */
    public long referenceSize() {
        return Arrays.stream(reference).sum();
    }

    /**
     * The number of non-missing current values.
     *
     * @return Σ current
     */
    public long currentSize() {
        return Arrays.stream(current).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryCounts c && Arrays.equals(categories, c.categories)
                && Arrays.equals(reference, c.reference) && Arrays.equals(current, c.current)
                && referenceMissing == c.referenceMissing && currentMissing == c.currentMissing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(categories), Arrays.hashCode(reference), Arrays.hashCode(current),
                referenceMissing, currentMissing);
    }

    @Override
    public String toString() {
        return "CategoryCounts" + Arrays.toString(categories) + " reference " + Arrays.toString(reference)
                + " (" + referenceMissing + " missing), current " + Arrays.toString(current) + " ("
                + currentMissing + " missing)";
    }
}
