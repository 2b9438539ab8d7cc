package org.featureworkbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pandas side of {@code bench dataset}: {@code merge_asof} run by Debian's own
 * {@code /usr/bin/python3} with Debian's {@code python3-pandas} (never the pyenv python first on
 * the PATH), installed with apt-get when missing.
 *
 * <p>Debian bookworm packages no pyarrow, so that pandas cannot read Parquet. Each group's offline
 * rows are therefore exported once to CSV (raw DuckDB, untimed, kept with the data), as a data
 * scientist would first export them from the store; what is timed is the whole Python process on
 * those CSVs and the base CSV: start, {@code import pandas}, reading, parsing times, three
 * {@code merge_asof}s, sorting and writing the output CSV ({@code dataset_merge_asof.py}).
 */
final class DatasetBenchmarkPandas {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = "dataset_merge_asof.py";
    private static final Pattern NUMBER_FIELD = Pattern.compile("\"(\\w+)\": \"?([^,\"}]+)\"?");

    private DatasetBenchmarkPandas() {
    }

    /**
     * Makes sure Debian's pandas is importable, installing python3-pandas with apt-get when it is
     * not. Returns "pandas VERSION at PATH", or throws with the reason the side must be skipped.
     */
    static String ensure(Path logFile) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IOException(PYTHON + " does not exist (the pandas side needs Debian's own python3)");
        }
        String version = probe();
        if (version != null) {
            return version;
        }
        Path aptGet = Path.of("/usr/bin/apt-get");
        if (!Files.isExecutable(aptGet)) {
            throw new IOException("python3-pandas is missing and there is no apt-get to install it");
        }
        // A stale package list makes the install fail with 404s; update once and retry.
        if (apt(logFile, aptGet.toString(), "install", "-y", "python3-pandas") != 0
                && (apt(logFile, aptGet.toString(), "update") != 0
                || apt(logFile, aptGet.toString(), "install", "-y", "python3-pandas") != 0)) {
            throw new IOException("apt-get install -y python3-pandas failed (run as root?); see " + logFile + ": "
                    + tail(logFile));
        }
        version = probe();
        if (version == null) {
            throw new IOException("python3-pandas was installed but " + PYTHON + " still cannot import pandas");
        }
        return version;
    }

    /** "pandas VERSION at PATH" when Debian's python3 imports pandas (user site-packages ignored), else null. */
    private static String probe() throws IOException, InterruptedException {
        Process p = python("-s", "-c", "import pandas; print(pandas.__version__, 'at', pandas.__file__)")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? "pandas " + text : null;
    }

    private static int apt(Path logFile, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Exports each group's offline rows (its columns only) to {@code <dir>/<group>.csv}; untimed setup. */
    static List<Path> exportGroups(Connection raw, List<DatasetBenchmarkGroup> groups, List<String> sources, Path dir)
            throws SQLException, IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            StringJoiner columns = new StringJoiner(", ");
            groups.get(i).columns().forEach(c -> columns.add(c.name()));
            Path file = dir.resolve(groups.get(i).name() + ".csv").toAbsolutePath();
            try (Statement s = raw.createStatement()) {
                s.execute("COPY (SELECT " + columns + " FROM " + sources.get(i) + ") TO "
                        + DatasetBenchmarkRaw.literal(file.toString()) + " (FORMAT CSV, HEADER true)");
            }
            files.add(file);
        }
        return files;
    }

    /** Writes the script's config: which files, which columns of which kind, where the output goes. */
    static void writeConfig(Path config, Path baseCsv, List<DatasetBenchmarkGroup> groups, List<Path> groupCsvs,
                            Path out) throws IOException {
        StringBuilder json = new StringBuilder("{\"base\": ");
        json.append(spec(baseCsv, DatasetBenchmarkData.BASE_COLUMNS, List.of()))
                .append(",\n \"groups\": [");
        List<String> output = new ArrayList<>();
        DatasetBenchmarkData.BASE_COLUMNS.forEach(c -> output.add(c.name()));
        for (int i = 0; i < groups.size(); i++) {
            List<String> names = groups.get(i).outputColumns().stream().map(DatasetBenchmarkColumn::name).toList();
            json.append(i == 0 ? "" : ",\n  ").append(spec(groupCsvs.get(i), groups.get(i).columns(), names));
            output.addAll(names);
        }
        json.append("],\n \"columns\": ").append(strings(output)).append(",\n \"out\": ")
                .append(string(out.toAbsolutePath().toString())).append("}\n");
        Files.writeString(config, json, StandardCharsets.UTF_8);
    }

    /**
     * One table of the config; its first column is the id, its second the event time. {@code order}
     * (used for the base) names the other columns, the last keys of the output order.
     */
    private static String spec(Path file, List<DatasetBenchmarkColumn> columns, List<String> joined) {
        List<String> integers = new ArrayList<>();
        List<String> doubles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (DatasetBenchmarkColumn c : columns.subList(2, columns.size())) {
            switch (c.kind()) {
                case INTEGER -> integers.add(c.name());
                case DOUBLE -> doubles.add(c.name());
                default -> texts.add(c.name());
            }
        }
        DatasetBenchmarkColumn time = columns.get(1);
        return "{\"path\": " + string(file.toAbsolutePath().toString()) + ", \"id\": " + string(columns.get(0).name())
                + ", \"time\": " + string(time.name()) + ", \"time_kind\": "
                + string(time.kind() == DatasetBenchmarkColumn.Kind.EPOCH_TIME ? "epoch" : "iso")
                + ", \"integers\": " + strings(integers) + ", \"doubles\": " + strings(doubles) + ", \"texts\": "
                + strings(texts) + ", \"columns\": " + strings(joined) + ", \"order\": "
                + strings(columns.subList(2, columns.size()).stream().map(DatasetBenchmarkColumn::name).toList()) + "}";
    }

    /**
     * Runs the script on a config (the timed part) and returns the phase timings it printed
     * (import, read, join, write in seconds; rows; pandas version).
     */
    static Map<String, String> run(Path script, Path config) throws IOException, InterruptedException {
        // stderr goes to a file: two pipes read one after the other can deadlock on a chatty process.
        Path errors = config.resolveSibling(config.getFileName() + ".stderr");
        Process p = python("-s", script.toString(), config.toString())
                .redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
        String stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0) {
            throw new IOException("the pandas script failed: " + Files.readString(errors).strip());
        }
        String[] lines = stdout.strip().split("\n");
        return parseTimings(lines[lines.length - 1]);
    }

    /** The script's last line, a flat JSON object of numbers and strings, as a map. */
    static Map<String, String> parseTimings(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = NUMBER_FIELD.matcher(json);
        while (m.find()) {
            values.put(m.group(1), m.group(2).strip());
        }
        return values;
    }

    /** Copies the script out of the jar into {@code dir}. */
    static Path extractScript(Path dir) throws IOException {
        Path file = dir.resolve(SCRIPT);
        try (InputStream in = DatasetBenchmarkPandas.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the jar");
            }
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static ProcessBuilder python(String... args) {
        List<String> command = new ArrayList<>();
        command.add(PYTHON.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // Only Debian's own interpreter and packages: nothing from pyenv or a virtualenv leaks in.
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        pb.environment().remove("VIRTUAL_ENV");
        return pb;
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String strings(List<String> values) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        values.forEach(v -> j.add(string(v)));
        return j.toString();
    }

    private static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
