package org.shannon4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.shannon4j.Shannon;

/**
 * {@code coldstart}: the latency a service sees right after its JVM starts — the first call and the first 100
 * calls of entropy and KL divergence at n = 1e6 (double) — for each backend, with and without
 * {@link Shannon#warmUp()} first. Every sample is a fresh JVM (the point is the JIT's state), so this forks
 * {@code --forks} JVMs per case; the input is generated before the clock starts. JMH's SingleShotTime would do
 * the same with more machinery; this keeps the output to one table and one CSV.
 *
 * <p>Each fork also prints the bits of its first result, so the table shows whether a warm-up changed any
 * result (it must not).
 */
final class ColdStart {

    static final String USAGE = """
              coldstart [--forks N] [--size N] [--calls N] [--out FILE.csv]
                        first-call and first-N-calls latency in fresh JVMs, scalar vs simd, with and
                        without Shannon.warmUp() (default 5 forks per case, n = 1e6, 100 calls)""".indent(2).stripTrailing();

    private record Sample(String backend, String measure, boolean warm, double warmUpMs, double firstMs,
                          double firstNMs, long bits) {
    }

    private ColdStart() {
    }

    static int run(String[] args) throws IOException, InterruptedException {
        int forks = 5;
        int size = 1_000_000;
        int calls = 100;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--forks" -> forks = Integer.parseInt(args[++i]);
                case "--size" -> size = Sizes.parse(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--child" -> {
                    child(args[++i], args[++i], Boolean.parseBoolean(args[++i]), Sizes.parse(args[++i]),
                            Integer.parseInt(args[++i]));
                    return 0;
                }
                default -> {
                    System.err.println("coldstart: unknown option '" + args[i] + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        List<String> backends = Shannon.backends().stream().filter(b -> b.supported()).map(b -> b.name())
                .sorted().toList();
        List<Sample> samples = new ArrayList<>();
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "coldstart: %d fresh JVMs per case, n = %d doubles, first call and first %d calls%n",
                forks, size, calls);
        // Interleave the cases fork by fork so that a change in machine load hits every case alike.
        for (int f = 0; f < forks; f++) {
            for (String measure : List.of("entropy", "kl")) {
                for (String backend : backends) {
                    for (boolean warm : new boolean[] {false, true}) {
                        samples.add(fork(backend, measure, warm, size, calls));
                    }
                }
            }
            o.printf(Locale.ROOT, "  round %d of %d done%n", f + 1, forks);
        }
        o.printf(Locale.ROOT, "%n%-8s %-8s %-8s %12s %14s %16s  %s%n", "backend", "measure", "warm-up",
                "warm-up ms", "1st call ms", "first " + calls + " ms", "result bits (all forks)");
        List<String> csv = new ArrayList<>();
        csv.add("backend,measure,warm_up,warm_up_ms,first_call_ms_median,first_call_ms_min,first_call_ms_max,"
                + "first_n_ms_median,first_n_ms_min,first_n_ms_max,calls,size,forks,same_bits");
        for (String measure : List.of("entropy", "kl")) {
            for (String backend : backends) {
                long coldBits = samples.stream().filter(s -> s.backend.equals(backend) && s.measure.equals(measure)
                        && !s.warm).findFirst().orElseThrow().bits;
                for (boolean warm : new boolean[] {false, true}) {
                    List<Sample> mine = samples.stream().filter(s -> s.backend.equals(backend)
                            && s.measure.equals(measure) && s.warm == warm).toList();
                    double[] first = mine.stream().mapToDouble(Sample::firstMs).sorted().toArray();
                    double[] firstN = mine.stream().mapToDouble(Sample::firstNMs).sorted().toArray();
                    double warmUp = median(mine.stream().mapToDouble(Sample::warmUpMs).sorted().toArray());
                    boolean sameBits = mine.stream().allMatch(s -> s.bits == coldBits);
                    o.printf(Locale.ROOT, "%-8s %-8s %-8s %12s %14s %16s  %s%n", backend, measure, warm ? "yes" : "no",
                            warm ? String.format(Locale.ROOT, "%.0f", warmUp) : "-", range(first), range(firstN),
                            sameBits ? "identical to the cold runs'" : "DIFFERENT from the cold runs'");
                    csv.add(String.format(Locale.ROOT, "%s,%s,%s,%.1f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%s",
                            backend, measure, warm, warm ? warmUp : 0.0, median(first), first[0],
                            first[first.length - 1], median(firstN), firstN[0], firstN[firstN.length - 1], calls, size,
                            forks, sameBits));
                }
            }
        }
        o.println("\n(median [min-max] over the forks; the input is generated before the clock starts)");
        if (out != null) {
            Files.write(out, csv, StandardCharsets.UTF_8);
            o.println("written: " + out);
        }
        return 0;
    }

    private static String range(double[] sorted) {
        return String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Sample fork(String backend, String measure, boolean warm, int size, int calls)
            throws IOException, InterruptedException {
        Path jar = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-cp", jar.toString(), BenchCommands.class.getName(), "coldstart",
                "--child", backend, measure, Boolean.toString(warm), Integer.toString(size), Integer.toString(calls));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("coldstart child failed: " + command + "\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("coldstart-result ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from " + command + "\n" + output));
        String[] f = line.split(" ");
        return new Sample(backend, measure, warm, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Long.parseLong(f[4]));
    }

    /** In the forked JVM: generate, optionally warm up, then time the first call and the first {@code calls}. */
    private static void child(String backend, String measure, boolean warm, int size, int calls) {
        Distributions.DoublePair pair = Distributions.doublePair(size, Distributions.DEFAULT_SEED);
        double[] p = pair.p();
        double[] q = pair.q();
        Shannon s = Shannon.get(backend);
        double warmUpMs = 0;
        if (warm) {
            warmUpMs = s.warmUp().toNanos() * 1e-6;
        }
        boolean kl = measure.equals("kl");
        long t0 = System.nanoTime();
        double first = kl ? s.klDivergence(p, q) : s.entropy(p);
        long t1 = System.nanoTime();
        double acc = first;
        for (int k = 1; k < calls; k++) {
            acc += kl ? s.klDivergence(p, q) : s.entropy(p);
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "coldstart-result %.3f %.3f %.3f %d %s%n", warmUpMs, (t1 - t0) * 1e-6,
                (t2 - t0) * 1e-6, Double.doubleToRawLongBits(first), Arrays.toString(new double[] {acc}));
    }
}
