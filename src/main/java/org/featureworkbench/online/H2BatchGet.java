package org.featureworkbench.online;

import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    private final ReadSessions sessions;
    private final List<OnlineRecord> records = new ArrayList<>();
    private final List<BatchGetResult.Error> errors = new ArrayList<>();
    private final List<BatchGetIdentifier> unprocessed = new ArrayList<>();

    H2BatchGet(H2OnlineStore store, ReadSessions sessions) {
        this.store = store;
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
        List<String> failed = new ArrayList<>();
        H2OnlineStore.PartRead[] read = {new H2OnlineStore.PartRead(table, projection)};
        for (String idText : request.recordIdentifiersValueAsString()) {
            Object id;
            try {
                id = RecordValidator.parseRecordIdentifier(group.definition(), idText);
            } catch (ValidationException e) {
                errors.add(new BatchGetResult.Error(group.name(), idText, BatchGetResult.VALIDATION_ERROR, e.getMessage()));
                continue;
            }
            try {
                sessions.with(s -> store.lookup(s, read[0].table(), read[0].projection(), id, idText))
                        .ifPresent(records::add);
            } catch (SQLException e) {
                // Features being added: read with the columns the table has (ADR 0021 addendum 7).
                H2OnlineStore.PartRead part = H2OnlineStore.columnMissing(e) ? partWhileAltered(group, request) : null;
                if (part != null && read[0].table() == table) {
                    read[0] = part;
                    if (retried(part, id, idText)) {
                        continue;
                    }
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
        if (!failed.isEmpty()) {
            unprocessed.add(new BatchGetIdentifier(request.featureGroupName(), failed, request.featureNames()));
        }
    }

    private H2OnlineStore.PartRead partWhileAltered(FeatureGroup group, BatchGetIdentifier request) {
        try {
            return sessions.with(s -> store.partWhileAltered(s, group, request.featureNames()));
        } catch (SQLException e) {
            return null;
        }
    }

    /** The id read again with the columns the table has; false when that failed too. */
    private boolean retried(H2OnlineStore.PartRead part, Object id, String idText) {
        try {
            sessions.with(s -> store.lookup(s, part.table(), part.projection(), id, idText)).ifPresent(records::add);
            return true;
        } catch (SQLException e) {
            return false;
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
