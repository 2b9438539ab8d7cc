package org.featureworkbench.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.StandardCopyOption;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.IngestSummary;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.json.ParsedDefinition;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Creates the sample feature groups shipped on the classpath as
 * {@code /sample-data/*.group.json} (CreateFeatureGroup requests) and ingests each new group's
 * {@code /sample-data/<name>.csv} through the facade as an ingest job (listed on the Jobs page),
 * so a new user sees records at once; the event times are first moved so the newest is now
 * ({@link SampleEventTimes}). Groups that already exist are skipped, so loading twice is
 * harmless. Runs in the background: it reads resources, writes the catalog and both stores.
 */
final class SampleDataLoader {
    static final String FOLDER = "/sample-data";
    static final String SUFFIX = ".group.json";

    private final FeatureStore store;

    SampleDataLoader(FeatureStore store) {
        this.store = store;
    }

    /** What loading did, for the message shown afterwards. */
    record Report(List<FeatureGroup> created, List<String> skipped, List<String> ingested, List<String> problems) {
        String summary() {
            if (created.isEmpty() && skipped.isEmpty() && problems.isEmpty()) {
                return "No sample data was found in this build of Feature Workbench (expected "
                        + FOLDER + "/*" + SUFFIX + " on the classpath). Create a group with \"New feature group\" instead.";
            }
            StringBuilder text = new StringBuilder();
            text.append(created.isEmpty() ? "No new groups were created."
                    : "Created " + created.size() + (created.size() == 1 ? " group: " : " groups: ")
                    + String.join(", ", created.stream().map(FeatureGroup::name).toList()) + ".");
            ingested.forEach(line -> text.append("\n").append(line));
            if (!skipped.isEmpty()) {
                text.append("\nAlready present, left unchanged: ").append(String.join(", ", skipped)).append('.');
            }
            problems.forEach(p -> text.append("\n").append(p));
            return text.toString();
        }
    }

    Report load() throws IOException {
        List<FeatureGroup> created = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> ingested = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<ParsedDefinition> definitions = new ArrayList<>();
        for (String resource : resourceNames()) {
            String json;
            try (InputStream in = SampleDataLoader.class.getResourceAsStream(FOLDER + "/" + resource)) {
                if (in == null) {
                    continue;
                }
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                definitions.add(CreateFeatureGroupJson.read(json, resource));
            } catch (FeatureStoreException e) {
                problems.add(resource + " was skipped: " + e.getMessage());
            }
        }
        Map<String, SampleEventTimes.EventColumn> rows = copyRows(definitions);
        try {
            Duration shift = SampleEventTimes.shift(new ArrayList<>(rows.values()), Instant.now());
            for (ParsedDefinition parsed : definitions) {
                String name = parsed.definition().name();
                try {
                    if (store.findFeatureGroup(name).isPresent()) {
                        skipped.add(name);
                        continue;
                    }
                    FeatureGroup group = store.createFeatureGroup(parsed.definition());
                    created.add(group);
                    SampleEventTimes.EventColumn csv = rows.get(name);
                    if (csv != null) {
                        SampleEventTimes.move(csv, shift);
                        ingested.add(ingestRows(name, csv.csv()));
                    }
                } catch (FeatureStoreException e) {
                    problems.add(name + " was skipped: " + e.getMessage());
                }
            }
            if (!ingested.isEmpty() && shift.toDays() != 0) {
                ingested.add("The sample event times were moved by " + shift.toDays() + " days, so the newest is now"
                        + " (and the 30-day online TTL of transactions keeps them readable).");
            }
        } finally {
            for (SampleEventTimes.EventColumn c : rows.values()) {
                Files.deleteIfExists(c.csv());
            }
        }
        return new Report(created, skipped, ingested, problems);
    }

    /**
     * Copies each group's {@code /sample-data/<group>.csv} to a temporary file (the facade reads
     * files, and inside a jar a resource is not one), with the group's event-time column.
     */
    private static Map<String, SampleEventTimes.EventColumn> copyRows(List<ParsedDefinition> definitions)
            throws IOException {
        Map<String, SampleEventTimes.EventColumn> rows = new LinkedHashMap<>();
        for (ParsedDefinition parsed : definitions) {
            var d = parsed.definition();
            try (InputStream in = SampleDataLoader.class.getResourceAsStream(FOLDER + "/" + d.name() + ".csv")) {
                if (in == null) {
                    continue;
                }
                Path copy = Files.createTempFile("fwb-sample-" + d.name() + "-", ".csv");
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                FeatureType type = d.features().stream().filter(f -> f.name().equals(d.eventTimeFeatureName()))
                        .findFirst().map(FeatureDefinition::type).orElse(FeatureType.STRING);
                rows.put(d.name(), new SampleEventTimes.EventColumn(copy, d.eventTimeFeatureName(), type));
            }
        }
        return rows;
    }

    /** Ingests a sample CSV into its group as a job (listed on the Jobs page). */
    private String ingestRows(String group, Path csv) {
        try {
            IngestSummary s = store.ingest().ingest(IngestRequest.of(group, csv), IngestListener.NONE);
            return "Ingested " + s.rowsRead() + " rows into " + group + " (" + s.writtenOnline()
                    + " online records" + (s.rejected() == 0 ? ")." : ", " + s.rejected() + " rejected).");
        } catch (FeatureStoreException e) {
            return "The rows of " + group + " could not be ingested: " + e.getMessage();
        }
    }

    /** File names under {@link #FOLDER}, whether the classes run from a folder or a jar. */
    static List<String> resourceNames() throws IOException {
        URL url = SampleDataLoader.class.getResource(FOLDER);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return list(fs.provider().getPath(uri));
            }
            return list(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IOException("cannot list " + url, e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).sorted().toList();
        }
    }
}
