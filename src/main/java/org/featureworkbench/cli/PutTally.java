package org.featureworkbench.cli;

import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.WriteOutcome;

/** Counts what a series of PutRecords did, for the one-line summary of {@code put --record-file}. */
final class PutTally {
    private long records;
    private long newer;
    private long equal;
    private long older;
    private long offlineQueued;
    private boolean onlineTargeted;

    void add(PutResult result) {
        records++;
        if (result.online() != null) {
            onlineTargeted = true;
            switch (result.online()) {
                case NEWER_WRITTEN -> newer++;
                case EQUAL_OVERWRITTEN -> equal++;
                case OLDER_IGNORED -> older++;
            }
        }
        if (result.offlineQueued()) {
            offlineQueued++;
        }
    }

    long records() {
        return records;
    }

    /** {@code Put 3 records into customers (online: 2 newer, 1 older ignored; offline: 3 queued).} */
    String summary(String group) {
        String online = !onlineTargeted ? "not a target"
                : newer + " newer" + (equal > 0 ? ", " + equal + " equal overwritten" : "") + ", " + older + " older ignored";
        String offline = offlineQueued > 0 ? offlineQueued + " queued" : "not a target";
        return "Put " + records + (records == 1 ? " record" : " records") + " into " + group
                + " (online: " + online + "; offline: " + offline + ").";
    }

    /** What one put did, e.g. {@code online updated (newer event time); offline queued}. */
    static String describe(PutResult result, String storedEventTimeOrNull) {
        WriteOutcome online = result.online();
        String onlinePart;
        if (online == null) {
            onlinePart = "online not a target";
        } else {
            onlinePart = switch (online) {
                case NEWER_WRITTEN -> "online updated (newer event time)";
                case EQUAL_OVERWRITTEN -> "online overwritten (same event time as stored; the later write wins)";
                case OLDER_IGNORED -> "online unchanged (older event time than stored"
                        + (storedEventTimeOrNull == null ? "" : " " + storedEventTimeOrNull) + ")";
            };
        }
        String offlinePart = !result.offlineQueued() ? "offline not a target"
                : online == WriteOutcome.OLDER_IGNORED ? "offline queued as history" : "offline queued";
        return onlinePart + "; " + offlinePart;
    }
}
