package org.shannon4j;

import java.util.Optional;

import org.shannon4j.spi.BackendProvider;
import org.shannon4j.spi.Kernels;

/** Providers registered for the api module's own tests (see src/test/resources/META-INF/services). */
final class TestProviders {

    private TestProviders() {
    }

    /** Supported, low priority, with the naive kernels: the one the api tests run on. */
    public static final class Naive implements BackendProvider {
        @Override
        public String name() {
            return "naive";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Optional<String> unsupportedReason() {
            return Optional.empty();
        }

        @Override
        public Kernels kernels() {
            return new NaiveKernels();
        }
    }

    /** Higher priority but unsupported: must be listed with its reason and never selected. */
    public static final class FastButUnsupported implements BackendProvider {
        @Override
        public String name() {
            return "fast";
        }

        @Override
        public int priority() {
            return 50;
        }

        @Override
        public Optional<String> unsupportedReason() {
            return Optional.of("test hardware is missing");
        }

        @Override
        public Kernels kernels() {
            throw new AssertionError("an unsupported provider's kernels must not be requested");
        }
    }

    /** Throws while being asked about itself: must be reported as unsupported, not break discovery. */
    public static final class Throwing implements BackendProvider {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public int priority() {
            return 99;
        }

        @Override
        public Optional<String> unsupportedReason() {
            throw new IllegalStateException("probe exploded");
        }

        @Override
        public Kernels kernels() {
            throw new AssertionError("not reached");
        }
    }
}
