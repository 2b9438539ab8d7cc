package org.featureworkbench.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;

/**
 * Maps a source's columns onto a feature group's features and turns each {@link SourceRow} into
 * a {@link MappedRow} or a {@link RowRejection}.
 *
 * <p>A feature takes the column renamed to it in {@link MappingOptions#renames()}, else the column
 * with its name (exact, else ignoring case). Columns no feature takes are reported by
 * {@link #unmappedColumns()} and ignored; features no column feeds are reported by
 * {@link #absentFeatures()} and stay null. The record identifier must have a column; the event
 * time must have one unless it is stamped.
 *
 * <p>Not thread-safe (it caches column positions); use one per reader.
 */
public final class FeatureMapping {
    private final List<FeatureDefinition> features;
    private final FeatureType[] types;
    private final int recordIdFeature;
    private final int eventTimeFeature;
    private final FeatureType eventTimeType;
    private final Instant stamp;
    private final Map<String, String> renameByFeature = new HashMap<>();
    private final Map<String, String> columnByFeature = new LinkedHashMap<>();
    private final List<String> unmappedColumns = new ArrayList<>();
    private final List<String> absentFeatures = new ArrayList<>();
    private Columns cachedColumns;
    private int[] cachedIndex;

    private FeatureMapping(Columns header, FeatureGroupDefinition group, MappingOptions options) {
        features = group.features();
        types = features.stream().map(FeatureDefinition::type).toArray(FeatureType[]::new);
        recordIdFeature = indexOfFeature(group.recordIdentifierFeatureName());
        eventTimeFeature = indexOfFeature(group.eventTimeFeatureName());
        eventTimeType = types[eventTimeFeature];
        stamp = options.stampEventTime() == null ? null : options.stampEventTime().truncatedTo(ChronoUnit.MILLIS);
        options.renames().forEach((column, feature) -> renameByFeature.put(Columns.fold(feature), column));
        int[] index = resolve(header);
        for (int j = 0; j < features.size(); j++) {
            if (index[j] >= 0) {
                columnByFeature.put(features.get(j).name(), header.name(index[j]));
            }
        }
        account(header, index);
        checkKeys(header, group, index);
        cachedColumns = header;
        cachedIndex = index;
    }

    /**
     * Plans the mapping of a source with these columns onto the group.
     *
     * @throws FeatureStoreException when the record identifier has no column, the event time has
     *         none and is not stamped, or is stamped although the file has a column for it
     */
    public static FeatureMapping plan(Columns header, FeatureGroupDefinition group, MappingOptions options) {
        return new FeatureMapping(header, group, options);
    }

    /**
     * Lists the columns of {@code header} no feature takes and the features no column feeds. Again
     * for each longer header a source reports mid-file, so the lists cover every column seen.
     */
    private void account(Columns header, int[] index) {
        boolean[] used = new boolean[header.size()];
        absentFeatures.clear();
        for (int j = 0; j < features.size(); j++) {
            boolean stamped = j == eventTimeFeature && stamp != null;
            if (index[j] >= 0 && !stamped) {
                used[index[j]] = true;
            } else if (index[j] < 0 && !stamped) {
                absentFeatures.add(features.get(j).name());
            }
        }
        unmappedColumns.clear();
        for (int c = 0; c < header.size(); c++) {
            if (!used[c]) {
                unmappedColumns.add(header.name(c));
            }
        }
    }

    private void checkKeys(Columns header, FeatureGroupDefinition group, int[] index) {
        String columns = String.join(", ", header.names());
        if (index[recordIdFeature] < 0) {
            throw new FeatureStoreException("the file has no column for the record identifier '"
                    + group.recordIdentifierFeatureName() + "' (its columns: " + columns
                    + "); rename a column to it or map one explicitly");
        }
        if (index[eventTimeFeature] < 0 && stamp == null) {
            throw new FeatureStoreException("the file has no column for the event time '" + group.eventTimeFeatureName()
                    + "' (its columns: " + columns + "); add one, map one explicitly, or stamp every row with the "
                    + "ingest time (--stamp-event-time)");
        }
        if (index[eventTimeFeature] >= 0 && stamp != null) {
            throw new FeatureStoreException("the file has a column '" + header.name(index[eventTimeFeature])
                    + "' for the event time '" + group.eventTimeFeatureName() + "'; use it, or drop the column "
                    + "to stamp the ingest time instead");
        }
    }

    private int indexOfFeature(String name) {
        for (int j = 0; j < features.size(); j++) {
            if (features.get(j).name().equals(name)) {
                return j;
            }
        }
        throw new IllegalArgumentException("the group has no feature '" + name + "'; validate the definition first");
    }

    private int[] resolve(Columns columns) {
        int[] index = new int[features.size()];
        for (int j = 0; j < index.length; j++) {
            String renamedFrom = renameByFeature.get(Columns.fold(features.get(j).name()));
            index[j] = renamedFrom != null ? columns.indexOf(renamedFrom) : columns.indexOf(features.get(j).name());
        }
        return index;
    }

    /** Maps one row; never throws for a bad row (it becomes a {@link RowRejection}). */
    public MappingOutcome map(SourceRow row) {
        if (row.columns() != cachedColumns && row.columns() != null) {
            cachedIndex = resolve(row.columns());
            cachedColumns = row.columns();
            // A JSON Lines key first seen after the header's lines (on a rejected line too): it is
            // ignored, or it feeds a feature.
            account(cachedColumns, cachedIndex);
        }
        if (row.isRejected()) {
            return new RowRejection(row.line(), row.originalText(), row.problem());
        }
        int n = features.size();
        Object[] typed = new Object[n];
        String eventTimeText = null;
        Instant eventTime = null;
        String recordId = null;
        StringBuilder errors = null;
        for (int j = 0; j < n; j++) {
            int column = cachedIndex[j];
            try {
                if (j == eventTimeFeature) {
                    String raw = column < 0 ? null : row.value(column);
                    eventTime = stamp != null ? stamp : EventTimeParser.parse(raw);
                    eventTimeText = eventTimeType == FeatureType.STRING && raw != null
                            && SageMakerIso.isCanonical(raw, eventTime) ? raw : EventTimes.format(eventTime, eventTimeType);
                    typed[j] = eventTimeType == FeatureType.FRACTIONAL ? eventTime.toEpochMilli() / 1000.0 : eventTimeText;
                } else {
                    // A number is read in place from a CSV row's text; no String is made for it.
                    typed[j] = types[j] != FeatureType.STRING && column >= 0 && row.plainCell(column)
                            ? ValueCoercion.coerce(row.originalText(), row.cellStart(column), row.cellEnd(column), types[j])
                            : ValueCoercion.coerce(column < 0 ? null : row.value(column), types[j]);
                    if (j == recordIdFeature) {
                        recordId = types[j] == FeatureType.STRING ? (String) typed[j]
                                : ValueCoercion.canonical(row.value(column), typed[j]);
                        if (recordId == null || isBlank(recordId)) {
                            throw new ValueRejectedException("the record identifier is empty; every row needs one");
                        }
                    }
                }
            } catch (ValueRejectedException e) {
                errors = errors == null ? new StringBuilder("line " + row.line() + ": ") : errors.append("; ");
                errors.append(features.get(j).name()).append(" (").append(types[j].awsName()).append("): ")
                        .append(e.getMessage());
            }
        }
        if (errors != null) {
            return new RowRejection(row.line(), row.originalText(), errors.toString());
        }
        // The canonical text of the other features is made only if asked for (MappedRow#textValue).
        return new MappedRow(row, cachedIndex, recordId, eventTime, features, typed, eventTimeText, eventTimeFeature);
    }

    /** {@link String#isBlank}, deciding most ids by their first character instead of scanning them. */
    private static boolean isBlank(String s) {
        return s.isEmpty() || Character.isWhitespace(s.charAt(0)) && s.isBlank();
    }

    /** Source columns no feature takes, in file order: those of the header, then those rows brought since. */
    public List<String> unmappedColumns() {
        return Collections.unmodifiableList(unmappedColumns);
    }

    /**
     * Features no column feeds (they stay null), in feature order; a stamped event time is not
     * listed. A feature whose column a row brought since the header is no longer listed.
     */
    public List<String> absentFeatures() {
        return Collections.unmodifiableList(absentFeatures);
    }

    /** Feature name → the source column feeding it, for the header the mapping was planned on. */
    public Map<String, String> columnByFeature() {
        return Collections.unmodifiableMap(columnByFeature);
    }

    /** The event time every row gets, or null when it comes from the file. */
    public Instant stampedEventTime() {
        return stamp;
    }
}
