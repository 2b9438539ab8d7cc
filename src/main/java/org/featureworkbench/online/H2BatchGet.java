package org.featureworkbench.online;

import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One BatchGetRecord call: every id looked up on one borrowed read session; problems are reported
 * per id in SageMaker's shape rather than failing the whole batch — except a group whose online
 * table is missing or unreadable, which fails the call. Used once, by one thread.
 */
final class H2BatchGet {
    /** SageMaker's limits: 100 record ids in all, across up to 100 groups. */
    static final int MAX_IDS = 100;
    static final int MAX_GROUPS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(H2BatchGet.class);

    private final H2OnlineStore store;
    private final H2Lookups lookups;
    private final ReadSessions sessions;
    private final List<OnlineRecord> records = new ArrayList<>();
    private final List<BatchGetResult.Error> errors = new ArrayList<>();
    private final List<BatchGetIdentifier> unprocessed = new ArrayList<>();

    H2BatchGet(H2OnlineStore store, H2Lookups lookups, ReadSessions sessions) {
        this.store = store;
        this.lookups = lookups;
        this.sessions = sessions;
    }

    BatchGetResult run(List<BatchGetIdentifier> identifiers, Function<String, Optional<FeatureGroup>> groups) {
        checkLimits(identifiers);
        for (BatchGetIdentifier request : identifiers) {
            Optional<FeatureGroup> group = groups.apply(request.featureGroupName());
            if (group.isEmpty()) {
                failAll(request, BatchGetResult.RESOURCE_NOT_FOUND, "feature group '" + request.featureGroupName()
                        + "' does not exist");
            } else if (!group.get().definition().onlineStore().enabled()) {
                failAll(request, BatchGetResult.VALIDATION_ERROR, "feature group '" + request.featureGroupName()
                        + "' has no online store; read its records from the offline store");
            } else {
                readGroup(group.get(), request);
            }
        }
        return new BatchGetResult(records, errors, unprocessed);
    }

    private void readGroup(FeatureGroup group, BatchGetIdentifier request) {
        OnlineTable table = store.tableOf(group);
        OnlineTable.Projection projection;
        try {
            projection = table.projection(request.featureNames());
        } catch (ValidationException e) {
            failAll(request, BatchGetResult.VALIDATION_ERROR, e.getMessage());
            return;
        }
        Map<String, Object> ids = new LinkedHashMap<>();
        for (String idText : request.recordIdentifiersValueAsString()) {
            try {
                ids.put(idText, RecordValidator.parseRecordIdentifier(group.definition(), idText));
            } catch (ValidationException e) {
                errors.add(new BatchGetResult.Error(group.name(), idText, BatchGetResult.VALIDATION_ERROR, e.getMessage()));
            }
        }
        List<String> failed = new ArrayList<>();
        TableBeingAltered.Part whole = new TableBeingAltered.Part(table, projection);
        List<String> pending = new ArrayList<>(ids.keySet());
        for (int pass = 0; pass < 3 && !pending.isEmpty(); pass++) {
            pending = read(group, whole, ids, pending, records, failed);
            if (pending.isEmpty()) {
                break;
            }
            // Features being added (ADR 0021 addendum 7): the ids left are read with the columns the table
            // has, and those reads count only if it still lacked the others afterwards; else read whole again.
            TableBeingAltered.Part part = partWhileAltered(group, request);
            if (part == null) {
                continue; // the copy is in place now
            }
            if (part.onlyAddedFeaturesAsked()) {
                break; // reported as unprocessed: retry once the copy is in place
            }
            List<OnlineRecord> partRecords = new ArrayList<>();
            List<String> left = read(group, part, ids, pending, partRecords, failed);
            Boolean stillAltered = altered(group);
            if (Boolean.TRUE.equals(stillAltered)) {
                records.addAll(partRecords);
                pending = left;
                break;
            }
            if (stillAltered == null) {
                break;
            }
        }
        failed.addAll(pending);
        if (!failed.isEmpty()) {
            unprocessed.add(new BatchGetIdentifier(request.featureGroupName(), failed, request.featureNames()));
        }
    }

    /**
     * Reads {@code which} ids the way {@code how} says, adding found records to {@code found} and
     * ids that met a passing failure to {@code failed}; returns the ids not read because a statement
     * named a column the table lacks (after the first such failure the others are not tried).
     */
    private List<String> read(FeatureGroup group, TableBeingAltered.Part how, Map<String, Object> ids,
                              List<String> which, List<OnlineRecord> found, List<String> failed) {
        List<String> columnMissing = new ArrayList<>();
        for (String idText : which) {
            if (!columnMissing.isEmpty()) {
                columnMissing.add(idText);
                continue;
            }
            try {
                sessions.with(s -> lookups.lookup(s, how.table(), how.projection(), ids.get(idText), idText))
                        .ifPresent(found::add);
            } catch (SQLException e) {
                if (TableBeingAltered.columnMissing(e)) {
                    columnMissing.add(idText);
                    continue;
                }
                // A missing or damaged table is no hiccup: answering "not found" or "retry" would hide
                // records that exist, so the whole call fails and says to run check and repair.
                var unreadable = OnlineTableFailure.of(group, "read record '" + idText + "' of '" + group.name() + "'", e);
                if (unreadable != null) {
                    throw unreadable;
                }
                // A storage hiccup (lock timeout, server gone) is worth a retry: report it as unprocessed.
                LOG.warn("BatchGetRecord could not read '{}' of '{}'", idText, group.name(), e);
                failed.add(idText);
            }
        }
        return columnMissing;
    }

    /** How to read the group while its table lacks some columns; null when it has them all (or that failed). */
    private TableBeingAltered.Part partWhileAltered(FeatureGroup group, BatchGetIdentifier request) {
        try {
            return sessions.with(s -> TableBeingAltered.part(s.connection(), group, request.featureNames()));
        } catch (SQLException e) {
            return null;
        }
    }

    /** Whether the group's table still lacks a column of its definition; null when that could not be told. */
    private Boolean altered(FeatureGroup group) {
        try {
            return sessions.with(s -> TableBeingAltered.stillAltered(s.connection(), group));
        } catch (SQLException e) {
            return null;
        }
    }

    private void failAll(BatchGetIdentifier request, String code, String message) {
        for (String id : request.recordIdentifiersValueAsString()) {
            errors.add(new BatchGetResult.Error(request.featureGroupName(), id, code, message));
        }
    }

    private static void checkLimits(List<BatchGetIdentifier> identifiers) {
        if (identifiers.isEmpty()) {
            throw new ValidationException("Identifiers", "give at least one feature group and record id");
        }
        int ids = identifiers.stream().mapToInt(i -> i.recordIdentifiersValueAsString().size()).sum();
        if (ids > MAX_IDS) {
            throw new ValidationException("Identifiers", ids + " record ids requested; BatchGetRecord reads at most "
                    + MAX_IDS + " at once, split the request");
        }
        Set<String> groupNames = new LinkedHashSet<>();
        identifiers.forEach(i -> groupNames.add(i.featureGroupName()));
        if (groupNames.size() > MAX_GROUPS) {
            throw new ValidationException("Identifiers", groupNames.size() + " feature groups requested;"
                    + " BatchGetRecord reads at most " + MAX_GROUPS + " at once");
        }
        for (BatchGetIdentifier i : identifiers) {
            if (i.recordIdentifiersValueAsString().isEmpty()) {
                throw new ValidationException("Identifiers", "no record ids given for feature group '"
                        + i.featureGroupName() + "'");
            }
        }
    }
}
