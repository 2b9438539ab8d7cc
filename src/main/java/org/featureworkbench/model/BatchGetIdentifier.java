package org.featureworkbench.model;

import java.util.List;

/**
 * One entry of a BatchGetRecord request (SageMaker's BatchGetRecordIdentifier).
 *
 * @param featureGroupName               the group to read
 * @param recordIdentifiersValueAsString the ids to read from it, at least one
 * @param featureNames                   the features to return, or null/empty for all
 */
public record BatchGetIdentifier(String featureGroupName, List<String> recordIdentifiersValueAsString,
                                 List<String> featureNames) {

    public BatchGetIdentifier {
        recordIdentifiersValueAsString = List.copyOf(recordIdentifiersValueAsString);
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
    }
}
