package org.featureworkbench.model;

import java.util.Set;

/**
 * One entry of SageMaker's BatchWriteRecord: a PutRecord into one group.
 *
 * @param featureGroupName the group
 * @param record           the record, a full overwrite as in PutRecord
 * @param targetStores     stores to write; null or empty means the group's stores
 * @param ttl              the record's TTL, or null for the request's (or else the group's)
 */
public record BatchWriteEntry(String featureGroupName, Record record, Set<TargetStore> targetStores,
                              TtlDuration ttl) {
}
