package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What an interrupted ingest has stored, in the words the CLI, check and the Jobs page share. */
class IngestJobRecordWordingTest {
    @Test
    void theRowsStoredOfflineAreCountedWithThousandsSeparators() {
        assertEquals("12,345 of its rows are in the offline store, the rest of the file is not stored yet",
                interrupted(12_345, false).whatIsStored());
        assertEquals("1 of its rows is in the offline store, the rest of the file is not stored yet",
                interrupted(1, false).whatIsStored());
        assertEquals("none of its rows are in the offline store yet", interrupted(0, false).whatIsStored());
        assertEquals("all its rows are in the offline store, but the online store lacks part of their newest values",
                interrupted(12_345, true).whatIsStored());
    }

    private static IngestJobRecord interrupted(long rowsPublished, boolean offlineDone) {
        return new IngestJobRecord("20261203T221500Z-AbC123", "Tok3nAbC", IngestJobRecord.Status.RUNNING, 999_999, null,
                100, 0, "customers-1", 0, 0, 0, 0, rowsPublished, rowsPublished, 1, offlineDone, 0, null);
    }
}
