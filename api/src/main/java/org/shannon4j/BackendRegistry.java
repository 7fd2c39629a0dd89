package org.shannon4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.shannon4j.spi.BackendProvider;
import org.shannon4j.spi.Kernels;

/**
 * The one place where backends are found and chosen: every provider ServiceLoader finds, asked once whether
 * it can run here; the highest-priority supported one is the default unless {@code -Dshannon4j.backend}
 * names another.
 */
final class BackendRegistry {

    static final String BACKEND_PROPERTY = "shannon4j.backend";

    /** {@code -Dshannon4j.backend.hint=false} silences the one-line notice about a faster, unsupported backend. */
    static final String HINT_PROPERTY = "shannon4j.backend.hint";

    /** A provider found, with what it said about itself (asked once: answers must not change later). */
    record Entry(String name, int priority, String reason, String description, BackendProvider provider,
                 Kernels kernels) {
        boolean supported() {
            return reason.isEmpty();
        }
    }

    private static final class Holder {
        static final List<Entry> ENTRIES = discover();
    }

    /**
     * The default is chosen, and the notice logged, the first time anything asks for the default: once per
     * JVM (class initialisation), and not at all for a program that only names its backend explicitly.
     */
    private static final class DefaultHolder {
        static final Entry DEFAULT = chooseDefault(Holder.ENTRIES);
        static final Optional<String> HINT = fasterBackendHint(Holder.ENTRIES, DEFAULT,
                System.getProperty(BACKEND_PROPERTY));

        static {
            // INFO, not DEBUG: a class-path user who forgot --add-modules otherwise runs 10-25x slower (1.2-5x
            // with AVX2) without a word (Lucene warns the same way about its vectorization provider).
            if (!"false".equalsIgnoreCase(System.getProperty(HINT_PROPERTY, "").trim())) {
                HINT.ifPresent(hint -> System.getLogger("org.shannon4j").log(System.Logger.Level.INFO, hint));
            }
        }
    }

    private BackendRegistry() {
    }

    static List<Entry> entries() {
        return Holder.ENTRIES;
    }

    static Entry defaultEntry() {
        return DefaultHolder.DEFAULT;
    }

    /** The notice about a faster backend that cannot run here, if there is one (see {@link #fasterBackendHint}). */
    static Optional<String> hint() {
        return DefaultHolder.HINT;
    }

    static List<BackendInfo> infos() {
        Entry chosen = DefaultHolder.DEFAULT;
        return Holder.ENTRIES.stream()
                .map(e -> new BackendInfo(e.name(), e.priority(), e.supported(), e.reason(), e.description(),
                        e == chosen))
                .toList();
    }

    /** The supported backend called {@code name}, or an exception listing what is available and why not. */
    static Entry byName(String name) {
        for (Entry e : Holder.ENTRIES) {
            if (e.name().equalsIgnoreCase(name.trim())) {
                if (!e.supported()) {
                    throw new IllegalArgumentException("shannon4j backend '" + name + "' is unsupported here: "
                            + e.reason() + ". " + describeAll(Holder.ENTRIES));
                }
                return e;
            }
        }
        throw new IllegalArgumentException("no shannon4j backend named '" + name + "'. " + describeAll(Holder.ENTRIES));
    }

    static String describeAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return "No backend was found: put shannon4j-scalar (and optionally shannon4j-simd) on the class or module path.";
        }
        String supported = entries.stream().filter(Entry::supported).map(Entry::name)
                .collect(Collectors.joining(", "));
        String unsupported = entries.stream().filter(e -> !e.supported())
                .map(e -> e.name() + " (" + e.reason() + ")").collect(Collectors.joining("; "));
        return "Available: " + (supported.isEmpty() ? "none" : supported)
                + (unsupported.isEmpty() ? "" : ". Unsupported: " + unsupported) + ".";
    }

    private static List<Entry> discover() {
        List<Entry> found = new ArrayList<>();
        Iterator<BackendProvider> it = ServiceLoader.load(BackendProvider.class).iterator();
        while (true) {
            BackendProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError error) {
                // One broken provider must not hide the others; it is reported, not selected.
                found.add(new Entry("broken-provider-" + found.size(), Integer.MIN_VALUE,
                        "failed to load: " + error.getMessage(), "", null, null));
                continue;
            }
            found.add(probe(provider));
        }
        found.sort(Comparator.comparingInt(Entry::priority).reversed().thenComparing(Entry::name));
        return List.copyOf(found);
    }

    private static Entry probe(BackendProvider provider) {
        String name = provider.getClass().getName();
        int priority = Integer.MIN_VALUE;
        try {
            name = provider.name();
            priority = provider.priority();
            Optional<String> reason = provider.unsupportedReason();
            String description = provider.description();
            if (reason.isPresent()) {
                return new Entry(name, priority, reason.get(), description, provider, null);
            }
            Kernels kernels = provider.kernels();
            if (kernels == null) {
                return new Entry(name, priority, "provider returned no kernels", description, provider, null);
            }
            return new Entry(name, priority, "", description, provider, kernels);
        } catch (RuntimeException | LinkageError e) {
            return new Entry(name, priority, "failed while probing: " + e, "", provider, null);
        }
    }

    private static Entry chooseDefault(List<Entry> entries) {
        return chooseDefault(entries, System.getProperty(BACKEND_PROPERTY));
    }

    /** The default among {@code entries}: the one {@code requested} names, else the first supported one. */
    static Entry chooseDefault(List<Entry> entries, String requested) {
        System.Logger log = System.getLogger("org.shannon4j");
        if (requested != null && !requested.isBlank()) {
            // An explicit request that cannot be honoured fails at first use rather than silently
            // falling back: benchmarks and comparisons must run what they say they run.
            Entry chosen = byNameIn(entries, requested);
            if (chosen == null) {
                return null; // Shannon.get() reports it with the full list
            }
            log.log(System.Logger.Level.DEBUG, () -> "shannon4j backend '" + chosen.name() + "' chosen by -D"
                    + BACKEND_PROPERTY + ". " + describeAll(entries));
            return chosen;
        }
        for (Entry e : entries) {
            if (e.supported()) {
                log.log(System.Logger.Level.DEBUG, () -> "shannon4j backend '" + e.name()
                        + "' chosen: highest-priority supported backend. " + describeAll(entries));
                return e;
            }
        }
        return null;
    }

    /**
     * The notice for a JVM that silently runs a slower backend: the default was chosen without
     * {@code -Dshannon4j.backend}, and a provider of higher priority is present but unsupported (the SIMD
     * backend on the class path without {@code --add-modules jdk.incubator.vector}). Empty otherwise: an
     * explicit choice, or nothing faster installed.
     */
    static Optional<String> fasterBackendHint(List<Entry> entries, Entry chosen, String requested) {
        if (chosen == null || (requested != null && !requested.isBlank())) {
            return Optional.empty();
        }
        return entries.stream()
                .filter(e -> !e.supported() && e.provider() != null && e.priority() > chosen.priority())
                .findFirst()
                .map(faster -> "shannon4j uses its '" + chosen.name() + "' backend because the faster '"
                        + faster.name() + "' backend is unsupported in this JVM: " + faster.reason()
                        + ". To keep '" + chosen.name() + "' and silence this message, run with -D"
                        + BACKEND_PROPERTY + "=" + chosen.name() + " or -D" + HINT_PROPERTY + "=false.");
    }

    private static Entry byNameIn(List<Entry> entries, String name) {
        for (Entry e : entries) {
            if (e.name().equalsIgnoreCase(name.trim()) && e.supported()) {
                return e;
            }
        }
        return null; // reported by Shannon.get() with the full list
    }
}
