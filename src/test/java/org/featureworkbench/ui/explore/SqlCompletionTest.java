package org.featureworkbench.ui.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.featureworkbench.query.RelationInfo;
import org.junit.jupiter.api.Test;

class SqlCompletionTest {
    static final List<RelationInfo> RELATIONS = List.of(
            new RelationInfo("customers", "customers", false, List.of("customer_id", "age", "city")),
            new RelationInfo("customers_latest", "customers", true, List.of("customer_id", "age", "city")),
            new RelationInfo("ev-log", "ev-log", false, List.of("event_id", "Amount")));

    private static List<String> inserts(String text) {
        return SqlCompletion.at(text, text.length(), RELATIONS).items().stream().map(SqlCompletion.Proposal::insert).toList();
    }

    @Test
    void relationsCompleteAndAreQuotedWhenTheyNeedIt() {
        assertEquals(List.of("customers", "customers_latest"), inserts("SELECT * FROM cus").subList(0, 2), "relations first");
        assertEquals(List.of("\"ev-log\""), inserts("SELECT * FROM ev").subList(0, 1));
        assertEquals(List.of("\"ev-log\""), inserts("SELECT * FROM \"ev-l").subList(0, 1));
        assertEquals(14, SqlCompletion.at("SELECT * FROM \"ev-l", 19, RELATIONS).start());
    }

    @Test
    void columnsComeFromTheRelationsTheStatementNames() {
        List<String> proposals = inserts("SELECT a FROM \"ev-log\" WHERE a".replace("WHERE a", "WHERE A"));
        assertTrue(proposals.contains("\"Amount\""), proposals.toString());
        assertTrue(!proposals.contains("age"), "customers is not in this statement: " + proposals);
        assertTrue(inserts("SELECT ag").contains("age"), "no relation named yet: every column");
    }

    @Test
    void keywordsAndTheEventInstantMacroComplete() {
        assertTrue(inserts("SELECT * FROM customers ORD").contains("ORDER BY"));
        assertTrue(inserts("SELECT event_i").contains("event_instant("));
        assertEquals(0, SqlCompletion.wordStart("", 0));
    }
}
