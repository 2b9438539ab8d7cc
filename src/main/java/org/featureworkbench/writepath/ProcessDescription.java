package org.featureworkbench.writepath;

import java.util.Arrays;
import java.util.List;

/** "process 1234 (group delete customers)": how messages name a process on the workspace to a user. */
final class ProcessDescription {
    /** How many trailing command-line arguments are shown: enough for "compact GROUP", short enough to read. */
    private static final int SHOWN_ARGUMENTS = 4;

    private ProcessDescription() {
    }

    static String current() {
        ProcessHandle self = ProcessHandle.current();
        List<String> args = self.info().arguments().map(Arrays::asList).orElse(List.of());
        // The trailing arguments are the command (after the jar or main class and the JVM options).
        List<String> shown = args.subList(Math.max(0, args.size() - SHOWN_ARGUMENTS), args.size());
        return "process " + self.pid() + (shown.isEmpty() ? "" : " (" + String.join(" ", shown) + ")");
    }
}
