package org.shannon4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shannon4j.BackendInfo;
import org.shannon4j.Shannon;
import org.shannon4j.conformance.ExactReference;

/**
 * {@code compare}: a quick, JMH-free check that every supported backend gives the scalar backend's answers, and
 * how fast. For each length it generates one {@link Distributions} pair (double, and the float version), computes
 * entropy, crossEntropy, klDivergence and jsDivergence with every backend, and prints value, time per call (best
 * of a few repetitions after a warm-up), the relative difference from the scalar backend for the same input and,
 * for n ≤ {@value #EXACT_LIMIT}, the relative error against the double-double exact reference.
 * Timings here are indicative; use the JMH benchmarks for numbers to quote.
 */
final class Compare {

    /** The measures compared, in print order. */
    enum Measure {
        ENTROPY("entropy"), CROSS_ENTROPY("crossEntropy"), KL_DIVERGENCE("klDivergence"), JS_DIVERGENCE("jsDivergence");

        final String label;

        Measure(String label) {
            this.label = label;
        }
    }

    /** One input of a given element type; {@link #apply} must not allocate. */
    private interface Input {
        String type();

        int length();

        double apply(Shannon s, Measure m);

        /** The double-double reference value of the same input ({@link ExactReference}). */
        double exact(Measure m);
    }

    private record DoubleInput(double[] p, double[] q) implements Input {
        @Override
        public double exact(Measure m) {
            return switch (m) {
                case ENTROPY -> ExactReference.entropy(p, 0, p.length).value();
                case CROSS_ENTROPY -> ExactReference.crossEntropy(p, 0, q, 0, p.length).value();
                case KL_DIVERGENCE -> ExactReference.klDivergence(p, 0, q, 0, p.length).value();
                case JS_DIVERGENCE -> ExactReference.jsDivergence(p, 0, q, 0, p.length).value();
            };
        }

        @Override
        public String type() {
            return "double";
        }

        @Override
        public int length() {
            return p.length;
        }

        @Override
        public double apply(Shannon s, Measure m) {
            return switch (m) {
                case ENTROPY -> s.entropy(p);
                case CROSS_ENTROPY -> s.crossEntropy(p, q);
                case KL_DIVERGENCE -> s.klDivergence(p, q);
                case JS_DIVERGENCE -> s.jsDivergence(p, q);
            };
        }
    }

    private record FloatInput(float[] p, float[] q) implements Input {
        @Override
        public double exact(Measure m) {
            return switch (m) {
                case ENTROPY -> ExactReference.entropy(p, 0, p.length).value();
                case CROSS_ENTROPY -> ExactReference.crossEntropy(p, 0, q, 0, p.length).value();
                case KL_DIVERGENCE -> ExactReference.klDivergence(p, 0, q, 0, p.length).value();
                case JS_DIVERGENCE -> ExactReference.jsDivergence(p, 0, q, 0, p.length).value();
            };
        }

        @Override
        public String type() {
            return "float";
        }

        @Override
        public int length() {
            return p.length;
        }

        @Override
        public double apply(Shannon s, Measure m) {
            return switch (m) {
                case ENTROPY -> s.entropy(p);
                case CROSS_ENTROPY -> s.crossEntropy(p, q);
                case KL_DIVERGENCE -> s.klDivergence(p, q);
                case JS_DIVERGENCE -> s.jsDivergence(p, q);
            };
        }
    }

    /**
     * Options of the subcommand. The default is the quick check (n = 1e6, short settling: well under a minute);
     * {@code --full} is the long run (n = 1e6 and 1e7, each case warmed until its timings settle: minutes).
     */
    record Options(int[] sizes, long seed, int reps, boolean full) {
        static final int[] QUICK_SIZES = {1_000_000};
        static final int[] FULL_SIZES = {1_000_000, 10_000_000};
        static final int DEFAULT_REPS = 5;

        Options(int[] sizes, long seed, int reps) {
            this(sizes, seed, reps, false);
        }

        static Options parse(String[] args) {
            int[] sizes = null;
            long seed = Distributions.DEFAULT_SEED;
            int reps = DEFAULT_REPS;
            boolean full = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--sizes" -> {
                        String v = value != null ? value : next(args, ++i, arg);
                        String[] parts = v.split(",");
                        sizes = new int[parts.length];
                        for (int k = 0; k < parts.length; k++) {
                            sizes[k] = Sizes.parse(parts[k].strip());
                        }
                    }
                    case "--full" -> full = true;
                    case "--seed" -> seed = parseLong(value != null ? value : next(args, ++i, arg), arg);
                    case "--reps" -> {
                        reps = (int) parseLong(value != null ? value : next(args, ++i, arg), arg);
                        if (reps < 1) {
                            throw new IllegalArgumentException("--reps " + reps + ": must be >= 1");
                        }
                    }
                    default -> throw new IllegalArgumentException("compare: unknown option '" + args[i] + "'");
                }
            }
            return new Options(sizes != null ? sizes : full ? FULL_SIZES : QUICK_SIZES, seed, reps, full);
        }

        private static String next(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static long parseLong(String s, String option) {
            try {
                return Long.decode(s.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + s + ": not an integer");
            }
        }
    }

    /** One measured cell. */
    private record Result(String backend, String type, int n, Measure measure, double value, long bestNanos) {
    }

    static final String USAGE = """
              compare [--full] [--sizes 1000000,10000000] [--seed N] [--reps N]
                        time and compare entropy, crossEntropy, klDivergence, jsDivergence on every
                        supported backend against the scalar one and, for n <= 1e6, the exact
                        reference (the default subcommand). Quick by default (n = 1e6, under a
                        minute); --full: n = 1e6 and 1e7, each case settled (minutes)""".indent(2).stripTrailing();

    private static final String REFERENCE = "scalar";
    /** Largest n for which the exact reference is computed (it runs at roughly 1e6 elements per second). */
    static final int EXACT_LIMIT = 1_000_000;
    private static final int WARM_UP_LENGTH = 1024;
    private static final int WARM_UP_CALLS = 1000;
    /** Settling of each case, {@code --full} / quick. */
    private static final long MIN_WARM_UP_NANOS = 300_000_000L;
    private static final long MAX_WARM_UP_NANOS = 3_000_000_000L;
    private static final long SETTLED_NANOS = 200_000_000L;
    private static final int SETTLED_CALLS = 20;
    private static final long QUICK_MIN_WARM_UP_NANOS = 50_000_000L;
    private static final long QUICK_MAX_WARM_UP_NANOS = 1_000_000_000L;
    private static final long QUICK_SETTLED_NANOS = 50_000_000L;
    private static final int QUICK_SETTLED_CALLS = 5;

    /** Keeps results alive so the JIT cannot drop the calls. */
    static volatile double sink;

    private Compare() {
    }

    static int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage:\n" + USAGE);
            return 2;
        }
        return run(options, System.out);
    }

    static int run(Options options, PrintStream out) {
        out.println("== environment");
        Environment.describe().forEach(line -> out.println("  " + line));

        List<String> backends = new ArrayList<>();
        for (BackendInfo b : Shannon.backends()) {
            if (b.supported()) {
                backends.add(b.name());
            } else {
                out.println("  note: backend '" + b.name() + "' is unsupported here (" + b.reason()
                        + "); comparing the supported backends only");
            }
        }
        backends.sort(Comparator.comparing((String name) -> !name.equals(REFERENCE)));
        if (backends.isEmpty()) {
            out.println("no supported backend");
            return 1;
        }
        if (!backends.getFirst().equals(REFERENCE)) {
            out.println("  note: no scalar backend; differences are relative to '" + backends.getFirst() + "'");
        }
        String reference = backends.getFirst();
        Map<String, Shannon> handles = new LinkedHashMap<>();
        for (String name : backends) {
            handles.put(name, Shannon.get(name));
        }
        out.println(options.full()
                ? "  full run (--full): each case is warmed until its timings settle; this takes minutes"
                : "  quick run (under a minute): short settling per case, so times are indicative; --full for the"
                        + " long run, JMH (bin/shannon4j report) for numbers to quote");

        out.printf(Locale.ROOT, "%n== warm-up (%d calls per backend, type and measure at n = %d)%n", WARM_UP_CALLS,
                WARM_UP_LENGTH);
        long t0 = System.nanoTime();
        Distributions.DoublePair small = Distributions.doublePair(WARM_UP_LENGTH, options.seed() + 1);
        for (Input in : List.of(new DoubleInput(small.p(), small.q()), toInput(small.toFloat()))) {
            for (Shannon s : handles.values()) {
                for (Measure m : Measure.values()) {
                    double acc = 0;
                    for (int k = 0; k < WARM_UP_CALLS; k++) {
                        acc += in.apply(s, m);
                    }
                    sink = acc;
                }
            }
        }
        out.printf(Locale.ROOT, "  done in %.2f s%n", (System.nanoTime() - t0) * 1e-9);

        List<Result> all = new ArrayList<>();
        for (int n : options.sizes()) {
            long g0 = System.nanoTime();
            Distributions.DoublePair pair = Distributions.doublePair(n, options.seed());
            List<Input> inputs = List.of(new DoubleInput(pair.p(), pair.q()), toInput(pair.toFloat()));
            out.printf(Locale.ROOT, "%n== n = %d (seed %d, data generated in %.2f s; values in nats, best of %d calls)%n",
                    n, options.seed(), (System.nanoTime() - g0) * 1e-9, options.reps());
            boolean exact = n <= EXACT_LIMIT;
            if (!exact) {
                out.printf(Locale.ROOT, "  (vs.exact left out above n = %d: the double-double reference takes about a "
                        + "second per 1e6 elements)%n", EXACT_LIMIT);
            }
            out.printf(Locale.ROOT, "%-8s %-6s %-13s %24s %11s %9s %8s %12s %12s%n",
                    "backend", "type", "measure", "value", "ms/call", "ns/elem", "speed-up", "rel.diff", "vs.exact");
            for (Input in : inputs) {
                for (Measure m : Measure.values()) {
                    double exactValue = exact ? in.exact(m) : Double.NaN;
                    Result ref = null;
                    for (Map.Entry<String, Shannon> e : handles.entrySet()) {
                        Result r = measure(e.getKey(), e.getValue(), in, m, options.reps(), options.full());
                        all.add(r);
                        if (e.getKey().equals(reference)) {
                            ref = r;
                        }
                        out.printf(Locale.ROOT, "%-8s %-6s %-13s %24.17g %11.3f %9.3f %8s %12s %12s%n",
                                r.backend(), r.type(), m.label, r.value(), r.bestNanos() * 1e-6,
                                r.bestNanos() / (double) n,
                                ref == null ? "" : String.format(Locale.ROOT, "%.2fx", ref.bestNanos() / (double) r.bestNanos()),
                                ref == null ? "" : formatDiff(relativeDifference(r.value(), ref.value())),
                                exact ? formatDiff(relativeDifference(r.value(), exactValue)) : "");
                    }
                }
            }
        }

        out.printf(Locale.ROOT, "%n== max relative difference from '%s' (same input and type)%n", reference);
        for (String backend : backends) {
            if (backend.equals(reference)) {
                continue;
            }
            for (String type : List.of("double", "float")) {
                double worst = -1;
                Result where = null;
                for (Result r : all) {
                    if (!r.backend().equals(backend) || !r.type().equals(type)) {
                        continue;
                    }
                    Result ref = all.stream()
                            .filter(x -> x.backend().equals(reference) && x.type().equals(type) && x.n() == r.n()
                                    && x.measure() == r.measure())
                            .findFirst().orElseThrow();
                    double d = relativeDifference(r.value(), ref.value());
                    if (where == null || d > worst || Double.isNaN(d)) {
                        worst = d;
                        where = r;
                    }
                }
                if (where != null && worst == 0) {
                    out.printf(Locale.ROOT, "  %-8s %-6s 0  (every value identical)%n", backend, type);
                } else if (where != null) {
                    out.printf(Locale.ROOT, "  %-8s %-6s %s  (%s, n = %d)%n", backend, type, formatDiff(worst),
                            where.measure().label, where.n());
                }
            }
        }
        if (backends.size() == 1) {
            out.println("  (only one backend supported: nothing to compare)");
        }
        return 0;
    }

    private static Input toInput(Distributions.FloatPair f) {
        return new FloatInput(f.p(), f.q());
    }

    /**
     * Warm-up until the JIT has settled, then the best of {@code reps} timed calls. "Settled": at least
     * {@value #MIN_WARM_UP_NANOS} ns, and no call in the last {@value #SETTLED_CALLS} calls (nor in the last
     * {@value #SETTLED_NANOS} ns) beat the best by more than 3%; at most {@value #MAX_WARM_UP_NANOS} ns. A fixed
     * short warm-up timed interpreted or C1 code: on 2 cores the C2 queue is long at start-up, and Vector API
     * code below C2 runs 10-500x slower than scalar (seen: 135-590 ns per element).
     */
    private static Result measure(String name, Shannon s, Input in, Measure m, int reps, boolean full) {
        long minWarmUp = full ? MIN_WARM_UP_NANOS : QUICK_MIN_WARM_UP_NANOS;
        long maxWarmUp = full ? MAX_WARM_UP_NANOS : QUICK_MAX_WARM_UP_NANOS;
        long settledNanos = full ? SETTLED_NANOS : QUICK_SETTLED_NANOS;
        int settledCalls = full ? SETTLED_CALLS : QUICK_SETTLED_CALLS;
        double acc = 0;
        long start = System.nanoTime();
        long best = Long.MAX_VALUE;
        long lastImprovement = start;
        int sinceImprovement = 0;
        while (true) {
            long t = System.nanoTime();
            acc += in.apply(s, m);
            long now = System.nanoTime();
            if (now - t < best * 0.97) {
                lastImprovement = now;
                sinceImprovement = 0;
            } else {
                sinceImprovement++;
            }
            best = Math.min(best, now - t);
            boolean settled = sinceImprovement >= settledCalls && now - lastImprovement >= settledNanos;
            if (now - start >= maxWarmUp || (now - start >= minWarmUp && settled)) {
                break;
            }
        }
        best = Long.MAX_VALUE;
        double value = Double.NaN;
        for (int k = 0; k < reps; k++) {
            long t = System.nanoTime();
            value = in.apply(s, m);
            best = Math.min(best, System.nanoTime() - t);
            acc += value;
        }
        sink = acc;
        return new Result(name, in.type(), in.length(), m, value, best);
    }

    /** |a − b| / |b|; 0 when both are equal (including both 0 or the same infinity), NaN if either is NaN. */
    static double relativeDifference(double a, double b) {
        if (a == b) {
            return 0;
        }
        return Math.abs(a - b) / Math.abs(b);
    }

    private static String formatDiff(double d) {
        return d == 0 ? "0" : String.format(Locale.ROOT, "%.2e", d);
    }
}
