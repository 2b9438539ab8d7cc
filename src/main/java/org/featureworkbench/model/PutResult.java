package org.featureworkbench.model;

import org.featureworkbench.model.WriteOutcome;

/**
 * What PutRecord did.
 *
 * @param online        the online store's outcome, or null when the online store was not a target
 * @param offlineQueued whether a row was queued (durably) for the offline store
 */
public record PutResult(WriteOutcome online, boolean offlineQueued) {
}
