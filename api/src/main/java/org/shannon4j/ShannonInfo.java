package org.shannon4j;

/**
 * Prints the backends found in this JVM, one per line, and the one {@link Shannon#get()} selects:
 * {@code java -p <jars> -m org.shannon4j/org.shannon4j.ShannonInfo} or
 * {@code java -cp <jars> org.shannon4j.ShannonInfo}. Useful to check a deployment's class or module path.
 */
public final class ShannonInfo {

    private ShannonInfo() {
    }

    /**
     * Prints the backends and the selected one to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        for (BackendInfo info : Shannon.backends()) {
            System.out.println(info);
        }
        try {
            System.out.println("selected: " + Shannon.get().backendName());
        } catch (RuntimeException e) {
            System.out.println("selected: none (" + e.getMessage() + ")");
        }
        BackendRegistry.hint().ifPresent(hint -> System.out.println("note: " + hint));
    }
}
