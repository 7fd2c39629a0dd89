package org.shannon4j.spi;

/**
 * The primitive loops of a backend: only the hot inner loops, all in natural log, in three families —
 * {@link DistributionKernels}, {@link CountingKernels} and {@link LossKernels}. Every method is a default whose
 * body is the reference implementation, so {@code new Kernels() {}} is a complete, correct backend, and a backend
 * overrides only what it accelerates (a new kernel breaks no outside backend). Measures, units, normalization,
 * validation messages and error bounds live once above this interface, in {@code org.shannon4j}.
 *
 * <p>Where a new kernel goes: one default method in its family interface, implemented by the reference code;
 * a backend overrides it only where it vectorises it; the conformance suite picks it up.
 *
 * <h2>Contract shared by every method</h2>
 * <ul>
 *   <li><b>Ranges.</b> Callers have already checked that every {@code (array, offset, length)} range is inside
 *       its array and that {@code length >= 1}. Implementations need not check again.</li>
 *   <li><b>Invalid input is fused into the pass.</b> If any element read is NaN, negative or infinite, the
 *       method returns {@code NaN} (whatever the other sums are). It may also return NaN when the sum of
 *       finite elements overflows. Callers then re-scan to name the first bad element, so the happy path
 *       needs a single pass.</li>
 *   <li><b>Zeros.</b> A term whose leading factor is zero contributes exactly 0, whatever the other operand
 *       is ({@code 0·ln 0 = 0}, {@code 0·ln(0/q) = 0}). A positive {@code p} against {@code q = 0} gives the
 *       mathematically right infinity ({@code p·ln 0 = −∞}, {@code p·ln(p/0) = +∞}); never skip such a term.</li>
 *   <li><b>Auxiliary sums.</b> Methods that return more than one sum write the extra ones into the
 *       caller-owned {@code aux} array (length at least {@link DistributionKernels#AUX_LENGTH}) at the
 *       documented indices, so that nothing is allocated per call.</li>
 *   <li><b>Accuracy.</b> Each term may carry a few ulp of error (a vectorised log); sums must be computed so
 *       that summation error stays below about {@code 64·ulp} of the sum of absolute values for lengths up to
 *       1e8 (blocked partial sums with a compensated outer sum are enough). {@code float} inputs are read as
 *       float and accumulated in double. The conformance suite checks these bounds for every backend.</li>
 *   <li><b>Threads.</b> Kernels are stateless and called concurrently.</li>
 * </ul>
 */
public interface Kernels extends DistributionKernels, CountingKernels, LossKernels, RowKernels {
}
