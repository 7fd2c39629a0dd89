package org.shannon4j.conformance;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.shannon4j.spi.Kernels;

/**
 * Arguments for any kernel method, generated from each parameter's name and type — the conventions of the
 * {@link Kernels} signatures, which the api is compiled to keep ({@code javac -parameters}). A kernel added with
 * the same conventions is exercised with no edit here; a parameter no rule recognises makes {@link #plan} report
 * it (kernel, position, type and name), and the suite fails instead of skipping the kernel.
 *
 * <h2>Rules (name, type → value)</h2>
 * <ul>
 *   <li>{@code length} (int), {@code count} (long): the scenario's length n. {@code words} (int): n, or beside a
 *       {@code length} (rows to bitsets) ⌈n/64⌉ and in half the variants 1..3 more. {@code rows}, {@code classes} (int):
 *       the scenario's matrix shape; a kernel with {@code rows} reads row-major rows × classes matrices.</li>
 *   <li>{@code offset} and {@code xxxOffset} (int or long): 0, or 1..19 in the offset scenarios; {@code offset}
 *       belongs to the first array, {@code xxxOffset} to the array whose name starts with (else contains)
 *       {@code xxx} ({@code targetOffset} → targets, {@code weightOffset} → sampleWeights, {@code rowOffset} →
 *       rowLosses).</li>
 *   <li>Input arrays ({@code double[]}, {@code float[]}, {@code MemorySegment}), read over {@code [offset,
 *       offset + region)} with NaN (or, for ints, a label that would index outside any table) around the range:
 *       long {@code x, z} bitset families, {@code xxxSets} sets of {@code words} words each (uniform, sparse,
 *       dense, empty, full and one-hot words; all bits set around the range); byte {@code codes} unsigned, mostly
 *       levels 0..sets, a quarter anywhere in 0..255, code 0 (in every set) around the range; {@code a, p, q} non-negative values with exact zeros, subnormal and tiny values, values near 1 and
 *       skewed ones; {@code logits} signed (sometimes huge); {@code probs} and floating {@code targets} in [0, 1]
 *       with exact 0 and 1; {@code weights, sampleWeights, classWeights} non-negative with zeros, or null;
 *       int {@code targets} class indices in [0, classes), some equal to {@code ignoreIndex} if the kernel has
 *       one; {@code counts} (int or long) non-negative; int {@code a, x, y} labels — a small range when a
 *       {@code min}/{@code xxxMin} parameter indexes a table with them, else small or full-range values.</li>
 *   <li>The region read: n; for a matrix kernel rows × classes, except rows for int targets and for arrays
 *       named {@code row…} or {@code sample…}, and classes for {@code class…}.</li>
 *   <li>{@code xxxSets} (int): the number of bitsets of family xxx, 1..12 (15 for x and 40 for z in one
 *       length-5000 variant: the feature-selection engine's widest shapes); {@code sets} those of the first bitset
 *       family, and beside byte codes 1..40 (64, the engine's widest Z, in one length-5000 variant). Bit planes:
 *       long {@code planes}, {@code planesSets} of them, 1..6, decoded into the {@code outSets} sets of codes
 *       1 .. 2^planesSets − 1 at most (drawn from that range).</li>
 *   <li>Derived: {@code min}, {@code xxxMin} the minimum of the (first, or xxx) label range; {@code cols} the
 *       range of the last label array; {@code table} (int or long) sized by the product of those ranges and of
 *       the {@code xxxSets}, and pre-filled with counts (the kernels add to it; long tables of set families
 *       partly with counts above 2³²); in a kernel with {@code xxxSets}, {@code counts} is such a table;
 *       {@code low} (byte) sized like {@code table}, pre-filled with any bytes; {@code codes} of length n;
 *       {@code aux} of
 *       {@link Kernels#AUX_LENGTH} + 2 pre-filled with garbage; long {@code keys} (a min and a max written) 2
 *       entries and garbage after them.</li>
 *   <li>Outputs {@code rowLosses, grad, losses}: null, or pre-filled with a sentinel around and inside the range.
 *       Long {@code bits} and {@code out}, bitset families written ({@code sets} or {@code outSets} × {@code words}
 *       words from their offset): random words as for the inputs in the range, no bit set around it.</li>
 *   <li>Options: {@code c} (the JS ratio) 1 or e^U(−3, 3); {@code ignoreIndex} −100; {@code smoothing} 0, 0.1 or
 *       U(0, 1); {@code gradScale} 1 or 1/rows; {@code eps} 0, 1e-7 or 1e-3; {@code posWeight} 1 or U(0, 4);
 *       {@code layout} double or float, aligned or not, either byte order, on heap or off heap.</li>
 * </ul>
 *
 * <h2>Special values</h2>
 * A special scenario plants one value where the {@link Kernels} contract says what must happen: NaN, −1, +∞, −∞
 * or −0.0 into one element of a floating input other than {@code classWeights} (whose validity the api checks
 * above the kernels), −1, {@code Integer.MIN_VALUE} or 2³⁰ into int targets or counts, and a word of all bits,
 * the sign bit alone, no bit or bit 0 into a bitset.
 */
final class KernelArguments {

    /** Elements after each range (and garbage before a non-zero offset) that a kernel must not read or write. */
    static final int PAD = 3;
    /** Planted into floating inputs (by index). */
    static final double[] SPECIAL_DOUBLES = {Double.NaN, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0};
    /** Planted into bitsets (by index modulo the length). */
    static final long[] SPECIAL_WORDS = {-1L, Long.MIN_VALUE, 0L, 1L};
    /** Planted into int targets and counts (by index modulo the length). */
    static final long[] SPECIAL_INTS = {-1, Integer.MIN_VALUE, 1 << 30};
    /** Planted into byte codes (unsigned; by index): the largest code, the sign bit alone, the largest signed, 0. */
    static final int[] SPECIAL_BYTES = {255, 128, 127, 0};
    /** Pre-filled into output arrays around and inside the range. */
    static final double SENTINEL = 12345.5;
    /** Pre-filled into aux (a kernel that does not write an entry it documents leaves it). */
    static final double AUX_FILL = -12345.5;

    static final ValueLayout[] LAYOUTS = {
        ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_DOUBLE_UNALIGNED,
        ValueLayout.JAVA_FLOAT_UNALIGNED, ValueLayout.JAVA_DOUBLE.withOrder(ByteOrder.BIG_ENDIAN),
        ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN),
    };

    /** What a parameter is. */
    enum Role {
        LENGTH, ROWS, CLASSES, OFFSET, MIN, SETS, WORDS, COLS, RATIO, IGNORE_INDEX, SMOOTHING, GRAD_SCALE, EPS,
        POS_WEIGHT, LAYOUT, BINS, AUX, EDGES, TABLE, CODES, OUTPUT, SET_OUTPUT, KEYS, DIST, LOGITS, UNIT, WEIGHTS, CLASS_TARGETS, COUNTS,
        LABELS, BITSETS, BYTE_CODES;

        /** A family of bitsets, sized by its {@code xxxSets} (or {@code sets}) parameter and the words. */
        boolean isSetFamily() {
            return this == BITSETS || this == SET_OUTPUT;
        }

        boolean isArray() {
            return ordinal() >= AUX.ordinal();
        }

        boolean isInput() {
            return ordinal() >= DIST.ordinal();
        }
    }

    /** One parameter: its role and, for offsets, mins and set counts, the index of the array they belong to. */
    record Param(int index, String name, Class<?> type, Role role, int partner) {
    }

    /** How to call one kernel method; {@code problems} names every parameter no rule recognises. */
    record Plan(Method method, List<Param> params, boolean matrix, List<String> problems) {

        boolean has(Role role) {
            return params.stream().anyMatch(p -> p.role == role);
        }

        /** The offset parameter of array {@code index}, or null. */
        Param offsetOf(int index) {
            return params.stream().filter(p -> p.role == Role.OFFSET && p.partner == index).findFirst().orElse(null);
        }

        /** The label arrays that index a table (those a min parameter belongs to), in parameter order. */
        List<Param> tableLabels() {
            return params.stream().filter(p -> p.role == Role.MIN).map(p -> params.get(p.partner)).toList();
        }
    }

    /**
     * One generated call: the arguments and, per array argument, the range the kernel reads or writes. {@code plant}
     * describes the planted special value, if any.
     */
    record Call(Object[] args, int[] from, int[] to, String plant) {

        /** A copy whose arrays are fresh copies (segments are inputs and shared). */
        Call copy() {
            Object[] a = args.clone();
            for (int i = 0; i < a.length; i++) {
                a[i] = switch (a[i]) {
                    case double[] d -> d.clone();
                    case float[] f -> f.clone();
                    case int[] n -> n.clone();
                    case long[] l -> l.clone();
                    case byte[] b -> b.clone();
                    case null, default -> a[i];
                };
            }
            return new Call(a, from, to, plant);
        }
    }

    /** A scenario: shape, whether offsets are non-zero, which special value to plant (−1: none), option variant. */
    record Scenario(int n, int rows, int classes, boolean offsets, int special, int variant, long seed) {
        @Override
        public String toString() {
            return "n=" + n + " rows=" + rows + " classes=" + classes + (offsets ? " offsets" : "")
                    + (special >= 0 ? " special#" + special : "") + " variant=" + variant + " seed=" + seed;
        }
    }

    private KernelArguments() {
    }

    /** A kernel method's readable signature, e.g. {@code xLogY(double[] p, int pOffset, ...)}. */
    static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameters())
                .map(p -> p.getType().getSimpleName() + " " + p.getName())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    // ------------------------------------------------------------------------------------------------ planning

    static Plan plan(Method m) {
        Parameter[] ps = m.getParameters();
        List<String> problems = new ArrayList<>();
        boolean matrix = Arrays.stream(ps).anyMatch(p -> p.getName().equals("rows"));
        Role[] roles = new Role[ps.length];
        for (int i = 0; i < ps.length; i++) {
            if (!ps[i].isNamePresent()) {
                problems.add("parameter " + i + " of " + m.getName() + " has no name in the class file: compile the "
                        + "module declaring " + m.getDeclaringClass().getName() + " with javac -parameters");
                continue;
            }
            roles[i] = role(ps[i].getName(), ps[i].getType());
        }
        boolean sets = Arrays.stream(roles).anyMatch(r -> r == Role.SETS);
        for (int i = 0; i < ps.length; i++) {
            if (sets && roles[i] == Role.COUNTS) {
                roles[i] = Role.TABLE; // the joint table the set families index, added into
            }
        }
        List<Param> params = new ArrayList<>();
        int firstArray = -1;
        for (int i = 0; i < ps.length; i++) {
            if (roles[i] != null && roles[i].isArray() && roles[i] != Role.AUX && firstArray < 0) {
                firstArray = i;
            }
        }
        for (int i = 0; i < ps.length; i++) {
            Role r = roles[i];
            String name = ps[i].getName();
            int partner = -1;
            if (r == Role.OFFSET) {
                partner = name.equals("offset") ? firstArray : arrayFor(ps, roles, stem(name, "Offset"));
            } else if (r == Role.MIN) {
                partner = name.equals("min") ? firstLabels(roles) : arrayFor(ps, roles, stem(name, "Min"));
                if (partner >= 0 && roles[partner] != Role.LABELS) {
                    partner = -1;
                }
            } else if (r == Role.EDGES) {
                partner = arrayFor(ps, roles, stem(name, "Edges"));
                if (partner >= 0 && roles[partner] != Role.DIST) {
                    partner = -1;
                }
            } else if (r == Role.SETS) {
                partner = name.equals("sets") ? firstSetFamily(roles) : arrayFor(ps, roles, stem(name, "Sets"));
                if (partner >= 0 && !roles[partner].isSetFamily()) {
                    partner = -1;
                }
            }
            if (r == null && ps[i].isNamePresent()) {
                problems.add(problem(m, i, ps[i], "has no argument rule"));
            } else if ((r == Role.OFFSET || r == Role.MIN || r == Role.SETS || r == Role.EDGES) && partner < 0) {
                String suffix = switch (r) {
                    case OFFSET -> "Offset";
                    case MIN -> "Min";
                    case EDGES -> "Edges";
                    default -> "Sets";
                };
                problems.add(problem(m, i, ps[i], "belongs to no array parameter (expected " + stem(name, suffix)
                        + "… or, for the plain name, a first array)"));
            } else if ((r == Role.ROWS || r == Role.CLASSES) && !matrix) {
                problems.add(problem(m, i, ps[i], "is a matrix dimension in a kernel without rows"));
            }
            params.add(new Param(i, name, ps[i].getType(), r, partner));
        }
        boolean hasLength = params.stream().anyMatch(p -> p.role == Role.LENGTH || p.role == Role.WORDS);
        if (!hasLength && !matrix && params.stream().anyMatch(p -> p.role != null && p.role.isInput())) {
            problems.add(m.getName() + ": no length, count or rows parameter to size the inputs by");
        }
        if (params.stream().anyMatch(p -> p.role == Role.TABLE)
                && params.stream().noneMatch(p -> p.role == Role.MIN || p.role == Role.SETS || p.role == Role.BINS)) {
            problems.add(m.getName() + ": a table parameter but no min or sets parameter to size it by");
        }
        if (params.stream().anyMatch(p -> p.role != null && p.role.isSetFamily() && params.stream()
                .noneMatch(q -> q.role == Role.SETS && q.partner == p.index))) {
            problems.add(m.getName() + ": a bitset family without its xxxSets parameter to size it by");
        }
        if (params.stream().anyMatch(p -> p.role == Role.COLS)
                && params.stream().filter(p -> p.role == Role.MIN).count() < 2) {
            problems.add(m.getName() + ": cols needs two label arrays with min parameters");
        }
        return new Plan(m, params, matrix, problems);
    }

    private static String problem(Method m, int i, Parameter p, String what) {
        return "parameter " + i + " '" + p.getType().getSimpleName() + " " + p.getName() + "' of " + m.getName()
                + " " + what + " — add an argument rule for it in " + KernelArguments.class.getName();
    }

    private static String stem(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    private static int firstSetFamily(Role[] roles) {
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] != null && roles[i].isSetFamily()) {
                return i;
            }
        }
        return -1;
    }

    private static int firstLabels(Role[] roles) {
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] == Role.LABELS) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The array (not aux) named {@code stem}, else the first whose name starts with it, else the first that
     * contains it, ignoring case.
     */
    private static int arrayFor(Parameter[] ps, Role[] roles, String stem) {
        String s = stem.toLowerCase(Locale.ROOT);
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < ps.length; i++) {
                String n = ps[i].getName().toLowerCase(Locale.ROOT);
                boolean match = switch (pass) {
                    case 0 -> n.equals(s);
                    case 1 -> n.startsWith(s);
                    default -> n.contains(s);
                };
                if (match && roles[i] != null && roles[i].isArray() && roles[i] != Role.AUX) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Names of the parameters of one type, by role. */
    private static Map<String, Role> names(Object... roleThenNames) {
        Map<String, Role> m = new HashMap<>();
        Role role = null;
        for (Object o : roleThenNames) {
            if (o instanceof Role r) {
                role = r;
            } else {
                m.put((String) o, role);
            }
        }
        return Map.copyOf(m);
    }

    private static final Map<String, Role> FLOATING = names(Role.OUTPUT, "rowLosses", "grad", "losses",
            Role.LOGITS, "logits", Role.UNIT, "probs", "targets", Role.WEIGHTS, "weights", "sampleWeights",
            "classWeights", Role.DIST, "a", "b", "p", "q", "x", "y");

    /** The rule table: parameter type → name → role (offsets and mins go by suffix, see {@link #role}). */
    private static final Map<Class<?>, Map<String, Role>> RULES = Map.of(
            int.class, names(Role.LENGTH, "length", Role.WORDS, "words", Role.ROWS, "rows", Role.CLASSES, "classes", Role.COLS, "cols",
                    Role.IGNORE_INDEX, "ignoreIndex", Role.BINS, "bins"),
            long.class, names(Role.LENGTH, "count"),
            double.class, names(Role.RATIO, "c", Role.SMOOTHING, "smoothing", Role.GRAD_SCALE, "gradScale",
                    Role.EPS, "eps", Role.POS_WEIGHT, "posWeight"),
            ValueLayout.class, names(Role.LAYOUT, "layout"),
            double[].class, Stream.concat(FLOATING.entrySet().stream(), Stream.of(Map.entry("aux", Role.AUX),
                    Map.entry("aEdges", Role.EDGES), Map.entry("bEdges", Role.EDGES)))
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)),
            float[].class, FLOATING,
            MemorySegment.class, names(Role.DIST, "a", "p", "q", "x", "y"),
            byte[].class, names(Role.BYTE_CODES, "codes", Role.TABLE, "low", Role.CODES, "binCodes"),
            int[].class, names(Role.TABLE, "table", Role.CODES, "codes", Role.COUNTS, "counts", Role.CLASS_TARGETS,
                    "targets", Role.LABELS, "a", "x", "y"),
            long[].class, names(Role.TABLE, "table", Role.COUNTS, "counts", Role.BITSETS, "x", "z", "planes",
                    Role.SET_OUTPUT, "bits", "out", Role.KEYS, "keys"));

    /** The role of a parameter from its name and type, or null if no rule knows it. */
    private static Role role(String name, Class<?> t) {
        if ((t == int.class || t == long.class) && (name.equals("offset") || name.endsWith("Offset"))) {
            return Role.OFFSET;
        }
        if (t == int.class && (name.equals("min") || name.endsWith("Min"))) {
            return Role.MIN;
        }
        if (t == int.class && (name.equals("sets") || name.endsWith("Sets"))) {
            return Role.SETS;
        }
        return RULES.getOrDefault(t, Map.of()).get(name);
    }

    // ------------------------------------------------------------------------------------------------ generation

    /** The arguments of one call of {@code plan}'s kernel in scenario {@code sc}. */
    static Call generate(Plan plan, Scenario sc) {
        SplittableRandom rnd = new SplittableRandom(sc.seed() * 0x9E3779B97F4A7C15L
                + signature(plan.method()).hashCode());
        List<Param> ps = plan.params();
        Object[] args = new Object[ps.size()];
        int[] from = new int[ps.size()];
        int[] to = new int[ps.size()];
        int v = sc.variant();
        int rows = sc.rows(), classes = sc.classes(), n = sc.n();
        ValueLayout layout = LAYOUTS[Math.floorMod(v + n, LAYOUTS.length)];
        // Scalars first: shapes, offsets and options.
        int nullable = 0;
        boolean[] isNull = new boolean[ps.size()];
        int planes = ps.stream().filter(p -> p.name.equals("planesSets")).mapToInt(Param::index).findFirst()
                .orElse(-1);
        for (Param p : ps) {
            Object value = switch (p.role) {
                case LENGTH -> integral(p.type, n);
                case ROWS -> rows;
                case CLASSES -> classes;
                case OFFSET -> integral(p.type, sc.offsets() ? 1 + rnd.nextInt(19) : 0);
                case RATIO -> v % 2 == 0 ? 1.0 : Math.exp(rnd.nextDouble(-3, 3));
                case IGNORE_INDEX -> -100;
                case SMOOTHING -> switch (v % 3) {
                    case 0 -> 0.0;
                    case 1 -> 0.1;
                    default -> rnd.nextDouble();
                };
                case GRAD_SCALE -> v % 2 == 0 ? 1.0 : 1.0 / Math.max(1, rows);
                case EPS -> switch (v % 3) {
                    case 0 -> 0.0;
                    case 1 -> 1e-7;
                    default -> 1e-3;
                };
                case POS_WEIGHT -> v % 2 == 0 ? 1.0 : rnd.nextDouble(0, 4);
                // Intersections: 1..12 sets, and the engine's widest shapes (15 candidate levels, 40 joint levels)
                // at length 5000. Level sets of byte codes: 1..40, and the widest Z of the engine (64) at 5000.
                case SETS -> p.name.equals("planesSets") ? 1 + rnd.nextInt(6)
                        : p.name.equals("outSets") && planes >= 0 ? 1 + rnd.nextInt((1 << (Integer) args[planes]) - 1)
                        : plan.has(Role.BYTE_CODES)
                        ? (n == KernelConformanceSuite.LARGE && v == 3 ? 64 : 1 + rnd.nextInt(40))
                        : n == KernelConformanceSuite.LARGE && v == 3 ? (p.name.startsWith("x") ? 15 : 40)
                        : 1 + rnd.nextInt(12);
                // n words per bitset, or, beside a row count, the ⌈n/64⌉ words of n rows, sometimes a few more
                case WORDS -> plan.has(Role.LENGTH) ? Math.ceilDiv(n, 64) + (v % 2 == 0 ? 0 : 1 + rnd.nextInt(3)) : n;
                case LAYOUT -> layout;
                // a 2-bin, a small odd and the registration's 256 × 256 table
                case BINS -> switch (v % 3) {
                    case 0 -> 256;
                    case 1 -> 2;
                    default -> 7;
                };
                default -> null;
            };
            args[p.index] = value;
            if (p.role == Role.WEIGHTS || p.role == Role.OUTPUT) {
                isNull[p.index] = ((v >> (nullable++ % 2)) & 1) == 1;
            }
        }
        // Inputs: values in the range, garbage around it; segments are written after the plant.
        double[][] segmentValues = new double[ps.size()][];
        int codeSets = ps.stream().filter(p -> p.role == Role.SETS).mapToInt(p -> (Integer) args[p.index])
                .findFirst().orElse(256);
        for (Param p : ps) {
            if (!p.role.isInput() || isNull[p.index]) {
                continue;
            }
            if (p.role == Role.BITSETS) {
                int off = offset(p, plan, args);
                from[p.index] = off;
                to[p.index] = off + sets(p, plan, args) * words(plan, args, n);
                args[p.index] = bitsets(rnd, from[p.index], to[p.index], -1L);
                continue;
            }
            int off = offset(p, plan, args);
            int region = region(p, plan, n, rows, classes);
            from[p.index] = off;
            to[p.index] = off + region;
            double[] d = new double[off + region + PAD];
            Arrays.fill(d, garbage(p.role));
            for (int i = off; i < off + region; i++) {
                d[i] = value(p, plan, rnd, v, classes, codeSets, i - off);
            }
            if (p.role == Role.LABELS && !plan.tableLabels().contains(p) && v % 2 == 1) {
                wideLabels(rnd, d, off, region);
            }
            segmentValues[p.index] = d;
        }
        String plant = null;
        if (sc.special() >= 0) {
            plant = plant(ps, segmentValues, from, to, sc.special(), rnd);
            if (plan.has(Role.BITSETS)) {
                plant = plantWord(ps, args, from, to, sc.special(), rnd);
            }
        }
        for (Param p : ps) {
            double[] d = segmentValues[p.index];
            if (d != null) {
                args[p.index] = convert(p.type, d, layout, v);
            }
        }
        // Derived: mins, cols, tables, codes, aux and outputs.
        long tableSize = 1;
        int lastRange = 0;
        for (Param p : ps) {
            if (p.role == Role.SETS) {
                tableSize *= (Integer) args[p.index];
            }
            if (p.role == Role.BINS) {
                tableSize *= (long) (Integer) args[p.index] * (Integer) args[p.index];
            }
            if (p.role == Role.MIN) {
                int[] labels = (int[]) args[p.partner];
                int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
                for (int i = from[p.partner]; i < to[p.partner]; i++) {
                    lo = Math.min(lo, labels[i]);
                    hi = Math.max(hi, labels[i]);
                }
                args[p.index] = lo;
                lastRange = hi - lo + 1;
                tableSize *= lastRange;
            }
        }
        for (Param p : ps) {
            if (p.role == Role.COLS) {
                args[p.index] = lastRange;
            }
        }
        for (Param p : ps) {
            int off = p.role == Role.OUTPUT ? offset(p, plan, args) : 0;
            switch (p.role) {
                case EDGES -> {
                    int bins = ps.stream().filter(q -> q.role == Role.BINS).mapToInt(q -> (Integer) args[q.index])
                            .findFirst().orElseThrow();
                    double[] e = edges(segmentValues[p.partner], from[p.partner], to[p.partner], bins, v);
                    args[p.index] = e;
                    to[p.index] = bins + 1;
                    if (sc.special() < 0) {
                        onEdges(args[p.partner], from[p.partner], to[p.partner], e);
                    }
                }
                case AUX -> {
                    double[] aux = new double[Kernels.AUX_LENGTH + 2];
                    Arrays.fill(aux, AUX_FILL);
                    args[p.index] = aux;
                    to[p.index] = aux.length;
                }
                case TABLE -> {
                    if (tableSize > 1 << 22) {
                        throw new IllegalStateException("table of " + tableSize + " entries: label ranges too wide");
                    }
                    long[] t = new long[(int) tableSize];
                    for (int i = 0; i < t.length; i++) {
                        // Counts above 2³² in long tables, so that a kernel adding an int sum is caught.
                        t[i] = p.type == long[].class && plan.has(Role.SETS) && i % 2 == 1
                                ? rnd.nextLong(1L << 40) : rnd.nextInt(4);
                    }
                    if (p.type == byte[].class) {
                        // Low bytes of counts: any value, so that the increments wrap.
                        byte[] b = new byte[t.length];
                        rnd.nextBytes(b);
                        args[p.index] = b;
                    } else {
                        args[p.index] = p.type == int[].class ? Arrays.stream(t).mapToInt(x -> (int) x).toArray() : t;
                    }
                    to[p.index] = t.length;
                }
                case SET_OUTPUT -> {
                    // Added into: random words in the range, none around it (where any written bit shows).
                    int at = offset(p, plan, args);
                    from[p.index] = at;
                    to[p.index] = at + sets(p, plan, args) * words(plan, args, n);
                    args[p.index] = bitsets(rnd, from[p.index], to[p.index], 0L);
                }
                case KEYS -> {
                    // the two keys written, garbage after them that must stay
                    long[] keys = new long[2 + PAD];
                    Arrays.fill(keys, 0x5EED5EED5EEDL);
                    args[p.index] = keys;
                    to[p.index] = 2;
                }
                case CODES -> {
                    if (p.type == byte[].class) {
                        byte[] codes = new byte[n + PAD];
                        Arrays.fill(codes, (byte) 0x5A); // a code no test's bins reach, around the range too
                        args[p.index] = codes;
                    } else {
                        int[] codes = new int[n + PAD];
                        Arrays.fill(codes, -7);
                        args[p.index] = codes;
                    }
                    to[p.index] = n;
                }
                case OUTPUT -> {
                    if (!isNull[p.index]) {
                        int region = region(p, plan, n, rows, classes);
                        double[] o = new double[off + region + PAD];
                        Arrays.fill(o, SENTINEL);
                        args[p.index] = convert(p.type, o, layout, v);
                        from[p.index] = off;
                        to[p.index] = off + region;
                    }
                }
                default -> {
                }
            }
        }
        return new Call(args, from, to, plant);
    }

    /** The value of the sets count of bitset family {@code p}. */
    /**
     * Every third value of the range onto an edge, or the next value of its type above or below it: where an
     * arithmetic bin without numpy's edge comparisons is off by one.
     */
    private static void onEdges(Object values, int from, int to, double[] e) {
        for (int i = from, j = 0; i < to; i += 3, j++) {
            int k = j % e.length;
            int side = (j / e.length) % 3;
            if (values instanceof float[] f) {
                float x = (float) e[k];
                f[i] = side == 0 ? x : side == 1 ? Math.nextUp(x) : Math.nextDown(x);
            } else if (values instanceof double[] d) {
                d[i] = side == 0 ? e[k] : side == 1 ? Math.nextUp(e[k]) : Math.nextDown(e[k]);
            }
        }
    }

    /**
     * Histogram edges as np.linspace(lo, hi, bins + 1) makes them (k·step + lo, the last one hi), well-conditioned
     * as binPairs requires: over the finite values' range in even variants, a range a tenth narrower at each end in
     * odd ones (values outside it: the kernel stops there); a range too narrow becomes [lo − ½, hi + ½].
     */
    private static double[] edges(double[] values, int from, int to, int bins, int v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(values[i])) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (v % 2 == 1) {
            double w = hi - lo;
            lo += w / 10;
            hi -= w / 10;
        }
        if (!((hi - lo) / bins >= 0x1p-30 * Math.max(Math.abs(lo), Math.abs(hi)))) {
            lo -= 0.5;
            hi += 0.5;
        }
        double step = (hi - lo) / bins;
        double[] e = new double[bins + 1];
        for (int k = 0; k < bins; k++) {
            e[k] = k * step + lo;
        }
        e[bins] = hi;
        return e;
    }

    private static int sets(Param p, Plan plan, Object[] args) {
        return plan.params().stream().filter(q -> q.role == Role.SETS && q.partner == p.index)
                .mapToInt(q -> (Integer) args[q.index]).findFirst().orElseThrow();
    }

    /** The words per bitset: the words parameter, else n. */
    private static int words(Plan plan, Object[] args, int n) {
        return plan.params().stream().filter(q -> q.role == Role.WORDS).mapToInt(q -> (Integer) args[q.index])
                .findFirst().orElse(n);
    }

    /**
     * Bitset words over [from, to), {@code around} outside the range (all bits for inputs: a kernel reading outside
     * counts them; none for outputs: a bit written outside shows): uniform random bits, sparse and dense words,
     * empty and full words, and one-hot rows like a level's bitset.
     */
    private static long[] bitsets(SplittableRandom rnd, int from, int to, long around) {
        long[] words = new long[to + PAD];
        Arrays.fill(words, around);
        for (int i = from; i < to; i++) {
            words[i] = switch (rnd.nextInt(8)) {
                case 0 -> 0L;
                case 1 -> -1L;
                case 2 -> rnd.nextLong() & rnd.nextLong() & rnd.nextLong();
                case 3 -> rnd.nextLong() | rnd.nextLong();
                case 4 -> 1L << rnd.nextInt(64);
                default -> rnd.nextLong();
            };
        }
        return words;
    }

    /** Plants a special word (all bits, the sign bit alone, none) into one bitset word; describes where. */
    private static String plantWord(List<Param> ps, Object[] args, int[] from, int[] to, int k, SplittableRandom rnd) {
        List<Param> candidates = ps.stream().filter(p -> p.role == Role.BITSETS).toList();
        Param p = candidates.get(rnd.nextInt(candidates.size()));
        int at = from[p.index] + rnd.nextInt(to[p.index] - from[p.index]);
        long word = SPECIAL_WORDS[k % SPECIAL_WORDS.length];
        ((long[]) args[p.index])[at] = word;
        return p.name + "[" + at + "] = 0x" + Long.toHexString(word);
    }

    private static Object integral(Class<?> type, int value) {
        return type == long.class ? (Object) (long) value : (Object) value;
    }

    private static int offset(Param array, Plan plan, Object[] args) {
        Param off = plan.offsetOf(array.index);
        return off == null ? 0 : ((Number) args[off.index]).intValue();
    }

    private static int region(Param p, Plan plan, int n, int rows, int classes) {
        if (!plan.matrix()) {
            return n;
        }
        String name = p.name.toLowerCase(Locale.ROOT);
        if (name.startsWith("class")) {
            return classes;
        }
        if (name.startsWith("row") || name.startsWith("sample") || p.role == Role.CLASS_TARGETS) {
            return rows;
        }
        return rows * classes;
    }

    private static double garbage(Role role) {
        return switch (role) {
            case LABELS, CLASS_TARGETS -> Integer.MIN_VALUE;
            case BYTE_CODES -> 0; // level 0, in a set whatever sets is: a row read beyond the range shows
            case COUNTS -> -1;
            default -> Double.NaN;
        };
    }

    /** The value of element {@code i} of the range of input {@code p}. */
    private static double value(Param p, Plan plan, SplittableRandom rnd, int v, int classes, int sets, int i) {
        return switch (p.role) {
            case DIST -> distribution(rnd, p.type == float[].class);
            case LOGITS -> rnd.nextDouble(-8, 8) * (v == 3 ? 300 : 1);
            case UNIT -> switch (rnd.nextInt(8)) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                default -> rnd.nextDouble();
            };
            case WEIGHTS -> rnd.nextInt(6) == 0 ? 0.0 : rnd.nextDouble(0, 3);
            case CLASS_TARGETS -> plan.has(Role.IGNORE_INDEX) && rnd.nextInt(8) == 0 ? -100 : rnd.nextInt(classes);
            case COUNTS -> switch (rnd.nextInt(4)) {
                case 0 -> 0;
                case 1 -> rnd.nextInt(1 << 20);
                case 2 -> p.type == long[].class ? rnd.nextLong(1L << 45) : rnd.nextInt(Integer.MAX_VALUE);
                default -> rnd.nextInt(100);
            };
            // At most 24 distinct labels from a base per array name (so that x and y differ), small enough for
            // the tables; half the variants of kernels without a table replace them by full-range labels.
            case LABELS -> (double) (labelBase(p) + rnd.nextInt(1 + Math.min(i, 23)));
            // Unsigned byte codes: mostly levels 0..sets (the last in no set), a quarter anywhere in 0..255.
            case BYTE_CODES -> rnd.nextInt(4) == 0 ? rnd.nextInt(256) : rnd.nextInt(Math.min(256, sets + 1));
            default -> throw new IllegalStateException(p.toString());
        };
    }

    private static int labelBase(Param p) {
        return (p.name.hashCode() % 1000) - 500;
    }

    /** Full-range int labels with repeats (drawn from a pool), including the extremes. */
    private static void wideLabels(SplittableRandom rnd, double[] d, int off, int region) {
        int[] pool = new int[Math.max(1, region / 3)];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = switch (i % 7) {
                case 0 -> Integer.MIN_VALUE + i;
                case 1 -> Integer.MAX_VALUE - i;
                default -> rnd.nextInt();
            };
        }
        for (int i = off; i < off + region; i++) {
            d[i] = pool[rnd.nextInt(pool.length)];
        }
    }

    /** Non-negative values: exact zeros, subnormal and tiny values, values near 1, skewed and uniform ones. */
    private static double distribution(SplittableRandom rnd, boolean float32) {
        return switch (rnd.nextInt(20)) {
            case 0, 1 -> 0.0;
            case 2 -> float32 ? Float.MIN_VALUE * (1 + rnd.nextInt(1000)) : Double.MIN_VALUE * (1 + rnd.nextInt(1000));
            case 3 -> float32 ? 1e-30 * rnd.nextDouble() : 1e-300 * rnd.nextDouble();
            case 4 -> 1 - rnd.nextDouble() * 1e-9;
            case 5, 6, 7, 8 -> Math.exp(-30 * rnd.nextDouble());
            default -> rnd.nextDouble();
        };
    }

    /** Plants special value {@code k} into one element of one plantable input; describes where. */
    private static String plant(List<Param> ps, double[][] values, int[] from, int[] to, int k,
                                SplittableRandom rnd) {
        List<Param> candidates = ps.stream().filter(p -> values[p.index] != null && to[p.index] > from[p.index])
                .filter(p -> switch (p.role) {
                    case DIST, LOGITS, UNIT, COUNTS, CLASS_TARGETS, BYTE_CODES -> true;
                    case WEIGHTS -> !p.name.equals("classWeights");
                    default -> false;
                }).toList();
        if (candidates.isEmpty()) {
            return "nothing (no plantable input)";
        }
        Param p = candidates.get(rnd.nextInt(candidates.size()));
        int at = from[p.index] + rnd.nextInt(to[p.index] - from[p.index]);
        boolean integral = p.role == Role.COUNTS || p.role == Role.CLASS_TARGETS;
        double value = p.role == Role.BYTE_CODES ? SPECIAL_BYTES[k % SPECIAL_BYTES.length]
                : integral ? SPECIAL_INTS[k % SPECIAL_INTS.length] : SPECIAL_DOUBLES[k % SPECIAL_DOUBLES.length];
        values[p.index][at] = value;
        return p.name + "[" + at + "] = " + value;
    }

    private static Object convert(Class<?> type, double[] d, ValueLayout layout, int variant) {
        if (type == double[].class) {
            return d;
        }
        if (type == float[].class) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        if (type == int[].class) {
            return Arrays.stream(d).mapToInt(x -> (int) x).toArray();
        }
        if (type == long[].class) {
            return Arrays.stream(d).mapToLong(x -> (long) x).toArray();
        }
        if (type == byte[].class) {
            byte[] b = new byte[d.length];
            for (int i = 0; i < d.length; i++) {
                b[i] = (byte) (int) d[i];
            }
            return b;
        }
        if (type == MemorySegment.class) {
            return segment(d, layout, variant);
        }
        throw new IllegalStateException("no conversion to " + type);
    }

    /** The values in a segment of {@code layout}: off heap or on, and at an odd address for unaligned layouts. */
    private static MemorySegment segment(double[] d, ValueLayout layout, int variant) {
        long bytes = d.length * layout.byteSize();
        boolean heap = variant % 2 == 1;
        MemorySegment s;
        if (layout.byteAlignment() == 1) {
            s = (heap ? MemorySegment.ofArray(new byte[(int) bytes + 1]) : Arena.ofAuto().allocate(bytes + 1))
                    .asSlice(1);
        } else if (heap) {
            s = layout.carrier() == double.class ? MemorySegment.ofArray(new double[d.length])
                    : MemorySegment.ofArray(new float[d.length]);
        } else {
            s = Arena.ofAuto().allocate(bytes, layout.byteAlignment());
        }
        for (int i = 0; i < d.length; i++) {
            if (layout instanceof ValueLayout.OfDouble od) {
                s.setAtIndex(od, i, d[i]);
            } else {
                s.setAtIndex((ValueLayout.OfFloat) layout, i, (float) d[i]);
            }
        }
        return s;
    }
}
