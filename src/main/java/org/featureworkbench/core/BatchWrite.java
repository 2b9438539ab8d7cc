package org.featureworkbench.core;

import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.BatchWriteEntry;
import org.featureworkbench.model.BatchWriteResult;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BatchWriteRecord as a sequence of PutRecords with per-entry outcomes: an entry's failure never
 * stops the others, and each written entry has exactly PutRecord's semantics (ADR 0024). Entries
 * are written in request order, so of two entries for one record with equal event times the
 * later one wins, as two PutRecords would.
 */
final class BatchWrite {
    /** SageMaker's limit on BatchWriteRecord's Entries. */
    static final int MAX_ENTRIES = 25;
    private static final Logger LOG = LoggerFactory.getLogger(BatchWrite.class);

    private BatchWrite() {
    }

    static BatchWriteResult run(RecordOperations records, List<BatchWriteEntry> entries, TtlDuration requestTtl) {
        if (entries == null || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new ValidationException("Entries", "a BatchWriteRecord takes 1 to " + MAX_ENTRIES + " entries, got "
                    + (entries == null ? 0 : entries.size()) + "; split larger batches");
        }
        List<BatchWriteResult.Failure> errors = new ArrayList<>();
        List<Integer> unprocessed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            BatchWriteEntry e = entries.get(i);
            try {
                records.putRecord(e.featureGroupName(), e.record(), e.targetStores(),
                        e.ttl() != null ? e.ttl() : requestTtl);
            } catch (ValidationException invalid) {
                errors.add(new BatchWriteResult.Failure(i, BatchWriteResult.VALIDATION_ERROR, invalid.getMessage()));
            } catch (ResourceNotFoundException missing) {
                errors.add(new BatchWriteResult.Failure(i, BatchWriteResult.RESOURCE_NOT_FOUND, missing.getMessage()));
            } catch (RuntimeException storeFailed) {
                // The store failed for now (a lost connection, a full disk): the caller may retry the entry.
                LOG.warn("BatchWriteRecord entry {} into '{}' not written", i, e.featureGroupName(), storeFailed);
                unprocessed.add(i);
            }
        }
        return new BatchWriteResult(errors, unprocessed);
    }
}
