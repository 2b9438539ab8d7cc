package org.featureworkbench.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for every command (we have no separate version to show, so no -V). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
