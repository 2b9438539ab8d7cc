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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.StandardCopyOption;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.IngestSummary;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.json.ParsedDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Creates the sample feature groups shipped on the classpath as
 * {@code /sample-data/*.group.json} (CreateFeatureGroup requests) and ingests each new group's
 * {@code /sample-data/<name>.csv} through the facade as an ingest job (listed on the Jobs page),
 * so a new user sees records at once. Groups that already exist are skipped, so loading twice is
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
        for (String resource : resourceNames()) {
            String json;
            try (InputStream in = SampleDataLoader.class.getResourceAsStream(FOLDER + "/" + resource)) {
                if (in == null) {
                    continue;
                }
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                ParsedDefinition parsed = CreateFeatureGroupJson.read(json, resource);
                if (store.findFeatureGroup(parsed.definition().name()).isPresent()) {
                    skipped.add(parsed.definition().name());
                } else {
                    FeatureGroup group = store.createFeatureGroup(parsed.definition());
                    created.add(group);
                    ingestRows(group.name()).ifPresent(ingested::add);
                }
            } catch (FeatureStoreException e) {
                problems.add(resource + " was skipped: " + e.getMessage());
            }
        }
        return new Report(created, skipped, ingested, problems);
    }

    /**
     * Ingests {@code /sample-data/<group>.csv} into the group as a job, through a temporary copy
     * (the facade reads files, and inside a jar the resource is not one).
     */
    private Optional<String> ingestRows(String group) throws IOException {
        Path copy;
        try (InputStream in = SampleDataLoader.class.getResourceAsStream(FOLDER + "/" + group + ".csv")) {
            if (in == null) {
                return Optional.empty();
            }
            copy = Files.createTempFile("fwb-sample-" + group + "-", ".csv");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            IngestSummary s = store.ingest().ingest(IngestRequest.of(group, copy), IngestListener.NONE);
            return Optional.of("Ingested " + s.rowsRead() + " rows into " + group + " (" + s.writtenOnline()
                    + " online records" + (s.rejected() == 0 ? ")." : ", " + s.rejected() + " rejected)."));
        } catch (FeatureStoreException e) {
            return Optional.of("The rows of " + group + " could not be ingested: " + e.getMessage());
        } finally {
            Files.deleteIfExists(copy);
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
