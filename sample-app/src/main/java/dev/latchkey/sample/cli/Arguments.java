package dev.latchkey.sample.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed sub-command line: positional words and {@code --name value} (or {@code --name=value}) options. Every
 * option takes a value, except the flags named at parse time. Mistakes are {@link UsageException}s.
 */
public final class Arguments {

    private final List<String> positional;
    private final Map<String, String> options;

    private Arguments(List<String> positional, Map<String, String> options) {
        this.positional = List.copyOf(positional);
        this.options = Map.copyOf(options);
    }

    /** Parses {@code args}, accepting only {@code valued} options (which need a value) and {@code flags}. */
    public static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value;
            if (flags.contains(name) && eq < 0) {
                value = "true";
            } else if (!valued.contains(name)) {
                throw new UsageException("unknown option " + name);
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new UsageException(name + " given twice");
            }
        }
        return new Arguments(positional, options);
    }

    /** Exactly {@code count} positional words, or a usage error. */
    public Arguments expectPositional(int count, String what) {
        if (positional.size() != count) {
            throw new UsageException(positional.size() < count ? "missing " + what
                    : "unexpected argument '" + positional.get(count) + "'");
        }
        return this;
    }

    public String positional(int index) {
        return positional.get(index);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("missing " + name));
    }

    /** A comma-separated option as a set (blank entries dropped); empty when absent. */
    public Set<String> set(String name) {
        return option(name).<Set<String>>map(v -> Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new))).orElse(Set.of());
    }
}
