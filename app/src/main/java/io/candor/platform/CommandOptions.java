package io.candor.platform;

import java.util.List;

/** The {@code --name value} options of a command line, as the benchmarks and local commands take them. */
public final class CommandOptions {

    private CommandOptions() {
    }

    /** The value after {@code name}, or {@code fallback} when the option is not given. */
    public static String value(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
