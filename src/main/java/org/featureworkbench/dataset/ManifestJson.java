package org.featureworkbench.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.query.ExportFormat;

/** Reads and writes {@link DatasetManifest}s as JSON: plain names, ISO times, one field per option. */
final class ManifestJson {
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    static void write(DatasetManifest m, Path file) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("id", m.id());
        root.put("builtAt", m.builtAt().toString());
        root.put("asOf", m.asOf().toString());
        root.put("output", m.output().toString());
        DatasetSpec s = m.spec();
        ObjectNode base = root.putObject("base");
        base.put("kind", s.base().kind().name().toLowerCase());
        base.put("source", s.base().source());
        base.put("idColumn", s.base().idColumn());
        base.put("timeColumn", s.base().timeColumn());
        if (m.baseSha256() != null) {
            base.put("sha256", m.baseSha256());
        }
        ArrayNode joins = root.putArray("joins");
        for (JoinedGroup j : s.joins()) {
            ObjectNode o = joins.addObject();
            o.put("group", j.group());
            j.features().forEach(o.putArray("features")::add);
            o.put("on", j.baseColumn());
            o.put("lookback", j.lookback() == null ? null : Durations.format(j.lookback()));
        }
        ObjectNode options = root.putObject("options");
        options.put("pointInTime", s.pointInTime());
        options.put("eventFrom", s.eventFrom() == null ? null : s.eventFrom().toString());
        options.put("eventTo", s.eventTo() == null ? null : s.eventTo().toString());
        options.put("includeDeleted", s.includeDeleted());
        options.put("includeDuplicates", s.includeDuplicates());
        options.put("recent", s.recent());
        options.put("limit", s.limit());
        options.put("format", s.format().extension());
        if (s.split() != null) {
            ObjectNode split = options.putObject("split");
            split.put("mode", s.split().mode() == DatasetSplit.Mode.BY_TIME ? "time" : "random");
            split.put("seed", s.split().seed());
            split.put("parts", s.split().describe());
        }
        root.put("sql", m.sql());
        ArrayNode groups = root.putArray("groups");
        for (ManifestGroup g : m.groups()) {
            ObjectNode o = groups.addObject();
            o.put("name", g.name());
            o.put("offlineFolder", g.offlineFolder());
            o.put("rowsAsOf", g.rowsAsOf());
            o.set("definition", parse(g.definition()));
            ArrayNode files = o.putArray("files");
            for (ManifestGroup.ManifestFile f : g.files()) {
                files.addObject().put("path", f.path()).put("rows", f.rows());
            }
        }
        ArrayNode parts = root.putArray("parts");
        for (DatasetPart p : m.parts()) {
            parts.addObject().put("name", p.name()).put("file", p.file().toString()).put("rows", p.rows())
                    .put("sha256", p.sha256());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            MAPPER.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FeatureStoreException("could not write the dataset manifest " + file + ": " + e.getMessage(), e);
        }
    }

    static DatasetManifest read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ValidationException("--from-manifest", file + " is not a readable dataset manifest ("
                    + firstLine(e.getMessage()) + "); give the .manifest.json written beside a dataset");
        }
        try {
            if (root == null || !root.has("formatVersion") || !root.has("base")) {
                throw new IllegalArgumentException("it has no formatVersion or base");
            }
            if (root.get("formatVersion").asInt() > FORMAT_VERSION) {
                throw new IllegalArgumentException("it was written by a newer Feature Workbench (format "
                        + root.get("formatVersion").asInt() + ")");
            }
            JsonNode b = root.get("base");
            DatasetBase base = new DatasetBase(DatasetBase.Kind.valueOf(text(b, "kind").toUpperCase()), text(b, "source"),
                    text(b, "idColumn"), text(b, "timeColumn"));
            List<JoinedGroup> joins = new ArrayList<>();
            for (JsonNode j : root.get("joins")) {
                List<String> features = new ArrayList<>();
                if (j.has("features")) {
                    j.get("features").forEach(f -> features.add(f.asText()));
                }
                String lookback = text(j, "lookback");
                Duration window = lookback == null ? null : Durations.parse(lookback, "lookback");
                joins.add(new JoinedGroup(text(j, "group"), features, text(j, "on"), window));
            }
            JsonNode o = root.get("options");
            DatasetSplit split = null;
            if (o.hasNonNull("split")) {
                JsonNode sp = o.get("split");
                split = DatasetSplit.parse(text(sp, "parts"), "random".equals(text(sp, "mode"))
                        ? DatasetSplit.Mode.RANDOM : DatasetSplit.Mode.BY_TIME, sp.get("seed").asLong(), "split");
            }
            Instant asOf = Instant.parse(text(root, "asOf"));
            DatasetSpec spec = new DatasetSpec(base, joins, asOf, instant(o, "eventFrom"), instant(o, "eventTo"),
                    o.get("includeDeleted").asBoolean(), o.get("includeDuplicates").asBoolean(), o.get("recent").asInt(),
                    o.get("limit").asLong(), o.get("pointInTime").asBoolean(), split,
                    ExportFormat.parse(text(o, "format"), "format"));
            List<ManifestGroup> groups = new ArrayList<>();
            for (JsonNode g : root.get("groups")) {
                List<ManifestGroup.ManifestFile> files = new ArrayList<>();
                g.get("files").forEach(f -> files.add(new ManifestGroup.ManifestFile(text(f, "path"), f.get("rows").asLong())));
                groups.add(new ManifestGroup(text(g, "name"), text(g, "offlineFolder"), g.get("definition").toString(),
                        g.get("rowsAsOf").asLong(), files));
            }
            List<DatasetPart> parts = new ArrayList<>();
            for (JsonNode p : root.get("parts")) {
                parts.add(new DatasetPart(text(p, "name"), Path.of(text(p, "file")), p.get("rows").asLong(), text(p, "sha256")));
            }
            return new DatasetManifest(text(root, "id"), file, Instant.parse(text(root, "builtAt")), asOf, spec,
                    Path.of(text(root, "output")), text(root, "sql"), text(b, "sha256"), groups, parts);
        } catch (RuntimeException e) {
            String why = e instanceof ValidationException v ? v.reason() : e.getMessage() == null ? "a field is missing" : e.getMessage();
            throw new ValidationException("--from-manifest", file + " is not a dataset manifest Feature Workbench can "
                    + "rebuild from: " + why);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String t = text(node, field);
        try {
            return t == null ? null : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + t + "' is not a time");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(json);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
