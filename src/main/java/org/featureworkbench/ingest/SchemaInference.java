package org.featureworkbench.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.NameRules;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;

/**
 * Suggests a feature group for a file, like SageMaker's {@code load_feature_definitions}: looks at
 * the first rows and types each column — whole numbers → Integral, decimals → Fractional, anything
 * else (or a mix) → String, empty cells ignored — then suggests a record identifier and an event
 * time (docs/ingest.md). Stateless and thread-safe.
 */
public final class SchemaInference {
    /** The name of the feature added when the ingest time is stamped (as in AWS's introduction notebook). */
    public static final String STAMPED_EVENT_TIME = "EventTime";

    private SchemaInference() {
    }

    /**
     * @throws FeatureStoreException on a file-level problem, when the file has no rows, when no
     *         sampled row is readable, or when a named record id / event time column does not exist
     */
    public static InferredSchema infer(Path file, SourceOptions source, InferenceOptions options) {
        List<ColumnStats> stats = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long sampled = 0;
        long unreadable = 0;
        String firstProblem = null;
        Columns header;
        try (SourceReader reader = SourceReaders.open(file, source)) {
            notes.addAll(reader.notes());
            for (SourceRow row; sampled + unreadable < options.sampleRows() && (row = reader.next()) != null; ) {
                if (row.isRejected()) {
                    unreadable++;
                    firstProblem = firstProblem == null ? row.problem() : firstProblem;
                    continue;
                }
                while (stats.size() < row.columns().size()) {
                    stats.add(new ColumnStats(row.columns().name(stats.size())));
                }
                for (int i = 0; i < stats.size(); i++) {
                    stats.get(i).add(row.value(i));
                }
                sampled++;
            }
            header = reader.header();
        }
        String label = file.getFileName().toString();
        if (sampled == 0 && unreadable == 0) {
            throw new FeatureStoreException(label + " has a header but no rows; types cannot be inferred without "
                    + "values - add rows, or define the feature group by hand");
        }
        if (sampled == 0) {
            throw new FeatureStoreException(label + ": none of the first " + unreadable + " rows can be read, so no "
                    + "schema can be inferred (" + firstProblem + ")");
        }
        if (unreadable > 0) {
            notes.add(unreadable + " of the first " + (sampled + unreadable) + " rows cannot be read and were left "
                    + "out (first: " + firstProblem + "); an ingest will reject them");
        }
        while (stats.size() < header.size()) {
            stats.add(new ColumnStats(header.name(stats.size())));
        }
        return build(label, stats, sampled, unreadable, options, notes);
    }

    private static InferredSchema build(String label, List<ColumnStats> stats, long sampled, long unreadable,
                                        InferenceOptions options, List<String> notes) {
        FeatureNames names = new FeatureNames();
        Map<String, String> renames = new LinkedHashMap<>();
        List<FeatureDefinition> features = new ArrayList<>();
        List<InferredSchema.ColumnProfile> profiles = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            ColumnStats s = stats.get(i);
            String name = names.nameFor(s.column, i + 1);
            if (!name.equals(s.column)) {
                renames.put(s.column, name);
                notes.add("column '" + s.column + "' becomes feature '" + name + "' (not a valid SageMaker feature name)");
            }
            FeatureType type = s.type();
            if (s.nonEmpty == 0) {
                notes.add("column '" + s.column + "' is empty in the sample; typed String");
            } else if (s.leadingZeroExample != null) {
                notes.add("column '" + s.column + "' typed String: values such as '" + s.leadingZeroExample
                        + "' have leading zeros a number would drop");
            }
            features.add(new FeatureDefinition(name, type));
            profiles.add(new InferredSchema.ColumnProfile(s.column, name, type, s.nonEmpty, s.uniqueAndComplete()));
        }
        Choice choice = new Choice(stats, features, notes);
        String recordId = choice.recordId(options.recordId());
        String eventTime = null;
        String stamped = null;
        if (options.eventTime() != null) {
            eventTime = choice.namedEventTime(options.eventTime());
        } else if (options.stampEventTime()) {
            stamped = names.reserve(STAMPED_EVENT_TIME);
            features.add(new FeatureDefinition(stamped, FeatureType.FRACTIONAL));
            eventTime = stamped;
            notes.add("event time: feature '" + stamped + "' (Fractional) added; the ingest stamps every row with the "
                    + "ingest time");
        } else {
            eventTime = choice.suggestedEventTime(recordId);
        }
        if (options.groupName() != null) {
            // Refused here, not at 'group create': the printed definition must be one that create accepts.
            NameRules.checkGroupNameSuggesting(options.groupName(), "FeatureGroupName");
        }
        String groupName = options.groupName() != null ? options.groupName() : groupNameFrom(label);
        String description = ("Inferred from " + label).length() <= 128 ? "Inferred from " + label : "";
        FeatureGroupDefinition definition = new FeatureGroupDefinition(groupName, recordId, eventTime, features,
                description, Map.of(), OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED);
        return new InferredSchema(definition, renames, profiles, stamped, sampled, unreadable, notes);
    }

    static String groupNameFrom(String fileName) {
        int dot = fileName.indexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String name = FeatureNames.sanitise(stem);
        return name.isEmpty() ? "feature-group" : name;
    }

    /** Picks the record identifier and event time among the profiled columns. */
    private record Choice(List<ColumnStats> stats, List<FeatureDefinition> features, List<String> notes) {

        String recordId(String wanted) {
            if (wanted != null) {
                int i = indexOf(wanted, "record identifier");
                FeatureDefinition f = features.get(i);
                if (f.type() == FeatureType.FRACTIONAL) {
                    features.set(i, new FeatureDefinition(f.name(), FeatureType.STRING));
                    notes.add("record identifier '" + f.name() + "' typed String (it must be Integral or String)");
                }
                return features.get(i).name();
            }
            Optional<Integer> byName = first(i -> stats.get(i).idLikeName() && stats.get(i).uniqueAndComplete()
                    && features.get(i).type() != FeatureType.FRACTIONAL);
            Optional<Integer> any = byName.isPresent() ? byName : first(i -> stats.get(i).uniqueAndComplete()
                    && features.get(i).type() != FeatureType.FRACTIONAL);
            if (any.isEmpty()) {
                notes.add("record identifier: no column has a value in every sampled row and no repeats; choose one");
                return null;
            }
            String name = features.get(any.get()).name();
            notes.add("record identifier: '" + name + "' (" + (byName.isPresent() ? "named like an id, " : "")
                    + "unique in the sample)");
            return name;
        }

        String namedEventTime(String wanted) {
            int i = indexOf(wanted, "event time");
            FeatureDefinition f = features.get(i);
            FeatureType type = eventTimeType(stats.get(i));
            features.set(i, new FeatureDefinition(f.name(), type));
            notes.add("event time: '" + f.name() + "' (" + type.awsName() + ")");
            return f.name();
        }

        String suggestedEventTime(String recordId) {
            Optional<Integer> best = java.util.stream.IntStream.range(0, stats.size()).boxed()
                    .filter(i -> stats.get(i).eventTimeCandidate() && !features.get(i).name().equals(recordId))
                    .min(Comparator.comparingInt((Integer i) -> stats.get(i).eventTimeNameRank()).thenComparing(i -> i));
            if (best.isEmpty()) {
                notes.add("event time: no column is named like one (event_time, EventTime, timestamp, *_time, *_at) "
                        + "with a time in every sampled row; choose a column, or stamp the ingest time");
                return null;
            }
            return namedEventTime(stats.get(best.get()).column);
        }

        private static FeatureType eventTimeType(ColumnStats s) {
            // An event time must be Fractional (epoch seconds) or String (ISO-8601); whole epoch seconds are Fractional.
            return s.nonEmpty > 0 && s.allFractional ? FeatureType.FRACTIONAL : FeatureType.STRING;
        }

        private int indexOf(String column, String role) {
            for (int i = 0; i < stats.size(); i++) {
                if (stats.get(i).column.equalsIgnoreCase(column) || features.get(i).name().equalsIgnoreCase(column)) {
                    return i;
                }
            }
            throw new FeatureStoreException("there is no column '" + column + "' to use as the " + role
                    + "; the columns are " + String.join(", ", stats.stream().map(s -> s.column).toList()));
        }

        private Optional<Integer> first(java.util.function.IntPredicate test) {
            for (int i = 0; i < stats.size(); i++) {
                if (test.test(i)) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }
    }
}
