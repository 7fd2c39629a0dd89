package org.shannon4j.conformance.property;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

/**
 * Same input, same handle, same bits — also once the JIT has compiled the kernels. By the time this runs, the
 * other properties have usually warmed up the library's classes in this JVM, so each try loads the library afresh
 * in its own class loader (the org.shannon4j classes child-first; the JDK and its vector module are shared) and
 * calls each measure once there, cold: interpreted kernels. Then the library as loaded in this JVM is warmed with
 * 2,000 rounds of calls on other data of the same length and called on the same input: the bits must be those
 * of the cold call. (One interpreted call per measure keeps this cheap; warming the fresh copy itself would run
 * ~700 interpreted calls per measure first.) (A forked-JVM test with
 * {@code -XX:TieredStopAtLevel=1} / {@code -Xint} against a warmed-up C2 run is a separate test.)
 *
 * <p>A few inputs only, no shrinking (each try costs a fresh class loader and the warm-up): the failure lists
 * every measure whose bits changed, with both values.
 */
class WarmUpProperties {

    private static final int WARM_ROUNDS = 2_000;

    /** Measures that issue 12 saw change after warm-up, and the cheapest of their relatives. */
    private static final String[] MEASURES = {
        "klDivergence", "jsDivergence", "entropy(float)", "klDivergence(float)", "mutualInformation",
        "conditionalMutualInformation", "variationOfInformation", "mutualInformation(JEFFREYS)",
    };

    @Property(tries = 2, shrinking = ShrinkingMode.OFF)
    void resultsDoNotChangeWhenTheKernelsWarmUp(@ForAll @IntRange(min = 1000, max = 1100) int n,
                                                @ForAll long seed) throws Exception {
        Inputs input = new Inputs(n, seed);
        Inputs[] other = {new Inputs(n, seed + 1), new Inputs(n, seed + 2), new Inputs(n, seed + 3)};
        List<String> changed = new ArrayList<>();
        for (var backend : Backends.ALL) {
            String name = backend.backendName();
            double[] cold = new double[MEASURES.length];
            try (Library fresh = Library.fresh(name)) {
                for (int m = 0; m < MEASURES.length; m++) {
                    cold[m] = fresh.call(MEASURES[m], input);
                }
            }
            try (Library warm = Library.loaded(name)) {
                for (int round = 0; round < WARM_ROUNDS; round++) {
                    for (String measure : MEASURES) {
                        warm.call(measure, other[round % other.length]);
                    }
                }
                for (int m = 0; m < MEASURES.length; m++) {
                    double w = warm.call(MEASURES[m], input);
                    if (Double.doubleToRawLongBits(w) != Double.doubleToRawLongBits(cold[m])) {
                        changed.add(name + " " + MEASURES[m] + ": cold " + cold[m] + " [" + Values.hex(cold[m])
                                + "], warm " + w + " [" + Values.hex(w) + "]");
                    }
                }
            }
        }
        if (!changed.isEmpty()) {
            fail("results changed after " + WARM_ROUNDS + " warm-up rounds (n = " + n + ", seed " + seed + "):\n  "
                    + String.join("\n  ", changed));
        }
    }

    /** Valid inputs of one length: distributions (double and float) and labels. */
    static final class Inputs {
        final double[] p;
        final double[] q;
        final float[] pf;
        final float[] qf;
        final int[] x;
        final int[] y;
        final int[] z;

        Inputs(int n, long seed) {
            p = DistCase.vector(n, seed, 1, List.of(), false, false);
            q = DistCase.vector(n, seed + 7, 2, List.of(), false, false);
            pf = LossCase.f(DistCase.vector(n, seed, 1, List.of(), false, true));
            qf = LossCase.f(DistCase.vector(n, seed + 7, 1, List.of(), false, true));
            SplittableRandom rnd = new SplittableRandom(seed);
            x = rnd.ints(n, 0, 7).toArray();
            y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : x[i] % 5;
            }
            z = rnd.ints(n, 0, 3).toArray();
        }
    }

    /**
     * The library through reflection, either loaded afresh (org.shannon4j classes, not the conformance suite, from a
     * new loader: interpreted at first) or as this JVM has it loaded (and warmed up).
     */
    static final class Library implements AutoCloseable {
        private final ClassLoader loader;
        private final Object handle;
        private final Class<?> shannon;
        private final Object dependence;
        private final Class<?> dependenceType;
        private final Object millerMadow;
        private final Object jeffreys;

        static Library fresh(String backend) throws ReflectiveOperationException {
            return new Library(backend, new ChildFirst(classPath(), WarmUpProperties.class.getClassLoader()));
        }

        static Library loaded(String backend) throws ReflectiveOperationException {
            return new Library(backend, WarmUpProperties.class.getClassLoader());
        }

        private Library(String backend, ClassLoader loader) throws ReflectiveOperationException {
            this.loader = loader;
            Thread t = Thread.currentThread();
            ClassLoader previous = t.getContextClassLoader();
            t.setContextClassLoader(loader); // ServiceLoader looks for the providers through it
            try {
                shannon = loader.loadClass("org.shannon4j.Shannon");
                handle = shannon.getMethod("get", String.class).invoke(null, backend);
                dependenceType = loader.loadClass("org.shannon4j.dependence.Dependence");
                dependence = shannon.getMethod("dependence").invoke(handle);
                Class<?> estimator = loader.loadClass("org.shannon4j.dependence.Estimator");
                millerMadow = estimator.getField("MILLER_MADOW").get(null);
                jeffreys = estimator.getField("JEFFREYS").get(null);
            } finally {
                t.setContextClassLoader(previous);
            }
            if (loader instanceof ChildFirst && handle.getClass().getClassLoader() != loader) {
                throw new IllegalStateException("the fresh Shannon class was not loaded by the fresh loader");
            }
        }

        double call(String measure, Inputs in) throws ReflectiveOperationException {
            Object[] args;
            Method m;
            Object target = handle;
            switch (measure) {
                case "entropy(float)" -> {
                    m = shannon.getMethod("entropy", float[].class);
                    args = new Object[] {in.pf};
                }
                case "klDivergence(float)" -> {
                    m = shannon.getMethod("klDivergence", float[].class, float[].class);
                    args = new Object[] {in.pf, in.qf};
                }
                case "entropy" -> {
                    m = shannon.getMethod("entropy", double[].class);
                    args = new Object[] {in.p};
                }
                case "mutualInformation", "conditionalEntropy", "jointEntropy", "variationOfInformation" -> {
                    m = dependenceType.getMethod(measure, int[].class, int[].class);
                    args = new Object[] {in.x, in.y};
                    target = dependence;
                }
                case "conditionalMutualInformation" -> {
                    m = dependenceType.getMethod(measure, int[].class, int[].class, int[].class);
                    args = new Object[] {in.x, in.y, in.z};
                    target = dependence;
                }
                case "mutualInformation(MILLER_MADOW)", "mutualInformation(JEFFREYS)" -> {
                    m = dependenceType.getMethod("mutualInformation", int[].class, int[].class, millerMadow.getClass());
                    args = new Object[] {in.x, in.y, measure.contains("MILLER") ? millerMadow : jeffreys};
                    target = dependence;
                }
                default -> {
                    m = shannon.getMethod(measure, double[].class, double[].class);
                    args = new Object[] {in.p, in.q};
                }
            }
            try {
                return (double) m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(measure + " threw", e.getCause());
            }
        }

        @Override
        public void close() {
            try {
                if (loader instanceof ChildFirst fresh) {
                    fresh.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static URL[] classPath() {
            String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
            List<URL> urls = new ArrayList<>();
            for (String e : entries) {
                try {
                    urls.add(new File(e).toURI().toURL());
                } catch (MalformedURLException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            return urls.toArray(URL[]::new);
        }
    }

    /** Loads org.shannon4j classes itself (a fresh copy, interpreted until the JIT sees them); the rest from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.shannon4j.") || name.startsWith("org.shannon4j.conformance.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
