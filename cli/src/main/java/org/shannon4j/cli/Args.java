package org.shannon4j.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The arguments of a data command: positional ones, and options {@code --name value} or {@code --name=value}
 * among them, and flags {@code --name} that take no value (each at most once). Every option a command accepts is
 * declared, so a typo is an error that names it.
 */
public final class Args {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {
    }

    /**
     * Parses {@code args}.
     *
     * @param args    the command's arguments
     * @param options the option names it accepts (without {@code --}), each taking a value
     * @return the parsed arguments
     * @throws UsageException for an unknown or repeated option or a missing value
     */
    public static Args parse(String[] args, Set<String> options) {
        return parse(args, options, Set.of());
    }

    /**
     * Parses {@code args} with flags: options that take no value ({@code --feast}).
     *
     * @param args    the command's arguments
     * @param options the option names it accepts (without {@code --}) that take a value
     * @param flags   the option names it accepts that take none
     * @return the parsed arguments
     * @throws UsageException for an unknown or repeated option, a missing value or a flag given a value
     */
    public static Args parse(String[] args, Set<String> options, Set<String> flags) {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.equals("--")) {
                a.positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            if (flags.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException("--" + name + " takes no value, got '" + arg + "'");
                }
                if (!a.flags.add(name)) {
                    throw new UsageException("--" + name + " given twice");
                }
                continue;
            }
            if (!options.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --",
                        Stream.concat(options.stream(), flags.stream()).sorted().toList()) + ")");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (a.options.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        return a;
    }

    /** @return the positional arguments, in order */
    public List<String> positional() {
        return positional;
    }

    /**
     * @param name a flag
     * @return whether it was given
     */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * @param name the option
     * @return its value, or null when it was not given
     */
    public String get(String name) {
        return options.get(name);
    }

    /**
     * @param name     the option
     * @param fallback its default
     * @return its value, or {@code fallback}
     */
    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * An option that must be a positive int.
     *
     * @param name     the option
     * @param fallback its default
     * @return its value
     * @throws UsageException if it is not a positive int
     */
    public int positiveInt(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a positive integer, got '" + v + "'");
    }

    /**
     * An option that names one of {@code choices} (case-insensitive).
     *
     * @param name     the option
     * @param fallback its default
     * @param choices  the allowed values, lower case
     * @return its value, lower case
     * @throws UsageException for any other value
     */
    public String choice(String name, String fallback, List<String> choices) {
        String v = options.getOrDefault(name, fallback).toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw new UsageException("--" + name + " must be one of " + String.join(", ", choices) + ", got '"
                    + options.get(name) + "'");
        }
        return v;
    }

    /**
     * A comma-separated list option.
     *
     * @param name the option
     * @return its items (stripped, none empty), or null when it was not given
     * @throws UsageException if an item is empty
     */
    public List<String> list(String name) {
        String v = options.get(name);
        if (v == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String s : v.split(",", -1)) {
            if (s.isBlank()) {
                throw new UsageException("--" + name + ": empty item in '" + v + "'");
            }
            items.add(s.strip());
        }
        return items;
    }
}
