package org.featureworkbench.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupStatus;
import org.featureworkbench.model.OnlineTableUnreadableException;
import org.featureworkbench.testing.Definitions;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** Which storage failures mean "this group's online table is missing or unreadable". */
class OnlineTableFailureTest {
    private final FeatureGroup group = new FeatureGroup(Definitions.customers("customers"),
            Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_000), FeatureGroupStatus.CREATED);

    @Test
    void aMissingTableOfThisGroupIsNamedWithTheGroupAndWhatToRun() {
        OnlineTableUnreadableException e = OnlineTableFailure.of(group, "read record 'c1' of 'customers'",
                new SQLException("Table \"" + OnlineTable.tableName(group) + "\" not found; SQL statement: SELECT …",
                        "42S02", ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1));
        assertNotNull(e);
        assertEquals("customers", e.groupName());
        assertTrue(e.getMessage().startsWith("could not read record 'c1' of 'customers': the online table of feature "
                + "group 'customers' is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("run 'feature-workbench check'"), e.getMessage());
    }

    @Test
    void anUnreadablePageIsDamage() {
        OnlineTableUnreadableException e = OnlineTableFailure.of(group, "count the records of 'customers'",
                new SQLException("General error: \"org.h2.mvstore.MVStoreException: Unable to read the page at "
                        + "position 2199023977088\"", "HY000", ErrorCode.GENERAL_ERROR_1));
        assertNotNull(e);
        assertTrue(e.getMessage().contains("a page of the online table of feature group 'customers' cannot be read"),
                e.getMessage());
    }

    @Test
    void otherFailuresAreNotReportedAsAMissingTable() {
        assertNull(OnlineTableFailure.of(group, "read", new SQLException("Table \"FWB_OTHER\" not found", "42S02",
                ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1)), "another table, e.g. the catalog");
        assertNull(OnlineTableFailure.of(group, "read", new SQLException("Timeout trying to lock table", "HYT00",
                ErrorCode.LOCK_TIMEOUT_1)), "a lock timeout is worth a retry, not a repair");
    }
}
