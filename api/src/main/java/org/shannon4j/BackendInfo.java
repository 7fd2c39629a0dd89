package org.shannon4j;

/**
 * What {@link Shannon#backends()} reports about one provider found on the class or module path.
 *
 * @param name        the name to pass to {@link Shannon#get(String)}
 * @param priority    higher wins when several are supported
 * @param supported   whether it can run in this JVM
 * @param reason      empty when supported; otherwise why not, in one sentence
 * @param description vector species, lane counts, math library; free text
 * @param selected    whether {@link Shannon#get()} uses it in this JVM
 */
public record BackendInfo(String name, int priority, boolean supported, String reason, String description,
                          boolean selected) {

    @Override
    public String toString() {
        return name + " (priority " + priority + ", " + (supported ? "supported" : "unsupported: " + reason)
                + (description.isEmpty() ? "" : ", " + description) + (selected ? ", selected" : "") + ")";
    }
}
