package org.featureworkbench.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupStatus;

/**
 * A copy of each group's definition kept outside the database, beside its offline folder, as
 * SageMaker keeps a Glue table beside the S3 data: {@code <offline-store>/<group>-<creation epoch s>
 * .feature-group.json} holding the CreateFeatureGroup request, the creation time and each feature's
 * metadata (descriptions, parameters). Written at
 * create and at every change; renamed to {@code …deleted.json} when the group is deleted, so the
 * file names alone tell which groups the catalog must hold. {@code repair} rebuilds the catalog
 * from them. Thread-safe (each write replaces the file atomically).
 */
final class DefinitionFiles {
    static final String SUFFIX = ".feature-group.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String DELETED_SUFFIX = ".feature-group.deleted.json";

    /** A live definition file, as its name tells it. */
    record Entry(String groupName, long creationEpochSecond, Path file) {
    }

    private final Path offlineStore;

    DefinitionFiles(Path offlineStore) {
        this.offlineStore = offlineStore;
    }

    Path fileOf(FeatureGroup group) {
        return offlineStore.resolve(group.name() + "-" + group.creationTime().getEpochSecond() + SUFFIX);
    }

    /**
     * Writes (or replaces) the group's definition file: the CreateFeatureGroup request (features,
     * stores and TTL, description, tags) and, beside it, each feature's metadata
     * (UpdateFeatureMetadata's description and parameters, which CreateFeatureGroup cannot carry).
     */
    void write(FeatureGroup group) {
        String json = text(group);
        Path file = fileOf(group);
        try {
            Files.createDirectories(offlineStore);
            Path temp = offlineStore.resolve("." + file.getFileName() + ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the definition file " + file, e);
        }
    }

    static String text(FeatureGroup group) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("FeatureGroupName", group.name());
        root.put("CreationTime", group.creationTime().toString());
        root.put("LastModifiedTime", group.lastModifiedTime().toString());
        try {
            root.set("CreateFeatureGroup", MAPPER.readTree(CreateFeatureGroupJson.write(group)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the CreateFeatureGroup request we wrote is not JSON", e);
        }
        ObjectNode metadata = MAPPER.createObjectNode();
        for (FeatureDefinition f : group.features()) {
            if (!f.description().isEmpty() || !f.parameters().isEmpty()) {
                ObjectNode feature = metadata.putObject(f.name());
                feature.put("Description", f.description());
                ObjectNode parameters = feature.putObject("Parameters");
                f.parameters().forEach(parameters::put);
            }
        }
        if (!metadata.isEmpty()) {
            root.set("FeatureMetadata", metadata);
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a definition file could not be written as JSON", e);
        }
    }

    /** Marks the group's file as deleted (kept, like the offline files); a missing file is no error. */
    void markDeleted(FeatureGroup group) {
        Path file = fileOf(group);
        String name = file.getFileName().toString();
        try {
            if (Files.exists(file)) {
                Files.move(file, file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + DELETED_SUFFIX),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not mark the definition file " + file + " as deleted", e);
        }
    }

    /** The live definition files, by name only (no file is read: cheap enough for every open). */
    List<Entry> list() {
        if (!Files.isDirectory(offlineStore)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(offlineStore)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(SUFFIX) || name.startsWith(".")) {
                    continue;
                }
                String stem = name.substring(0, name.length() - SUFFIX.length());
                int dash = stem.lastIndexOf('-');
                if (dash <= 0) {
                    continue;
                }
                try {
                    entries.add(new Entry(stem.substring(0, dash), Long.parseLong(stem.substring(dash + 1)), file));
                } catch (NumberFormatException notOurs) {
                    // Some other file; not a definition file.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the definition files in " + offlineStore, e);
        }
        return entries;
    }

    /**
     * Reads a definition file back into a group.
     *
     * @throws IllegalArgumentException when the file is not a readable definition (the message says why)
     */
    static FeatureGroup read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode request = root.get("CreateFeatureGroup");
        JsonNode created = root.get("CreationTime");
        if (request == null || created == null) {
            throw new IllegalArgumentException("it lacks CreateFeatureGroup or CreationTime");
        }
        Instant creationTime = Instant.parse(created.asText());
        JsonNode modified = root.get("LastModifiedTime");
        Instant lastModified = modified == null ? creationTime : Instant.parse(modified.asText());
        var definition = CreateFeatureGroupJson.read(request.toString(), file.getFileName().toString()).definition();
        JsonNode metadata = root.get("FeatureMetadata");
        if (metadata != null && metadata.isObject()) {
            definition = definition.withFeatures(withMetadata(definition.features(), metadata));
        }
        return new FeatureGroup(definition, creationTime, lastModified, FeatureGroupStatus.CREATED);
    }

    /** The features with the descriptions and parameters the file keeps for them (others unchanged). */
    private static List<FeatureDefinition> withMetadata(List<FeatureDefinition> features, JsonNode metadata) {
        List<FeatureDefinition> result = new ArrayList<>();
        for (FeatureDefinition f : features) {
            JsonNode kept = metadata.get(f.name());
            if (kept == null || !kept.isObject()) {
                result.add(f);
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            JsonNode p = kept.get("Parameters");
            if (p != null && p.isObject()) {
                p.fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
            }
            JsonNode description = kept.get("Description");
            result.add(f.withMetadata(description == null || description.isNull() ? "" : description.asText(), parameters));
        }
        return result;
    }
}
