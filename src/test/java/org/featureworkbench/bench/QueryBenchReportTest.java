package org.featureworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryBenchReportTest {

    @Test
    void medianOfOddAndEvenRuns() {
        assertEquals(20.0, QueryBenchReport.median(List.of(30.0, 10.0, 20.0)));
        assertEquals(15.0, QueryBenchReport.median(List.of(30.0, 10.0, 20.0, 5.0)));
        assertTrue(Double.isNaN(QueryBenchReport.median(List.of())));
    }

    @Test
    void ratiosAndGoalsUseTheMedians() {
        // engine 110 ms, hour files 100 ms, one file 50 ms: 1.1x (met, inclusive) and 2.2x (missed).
        QueryBenchReport.QueryTimes q = new QueryBenchReport.QueryTimes("q", List.of(500.0, 110.0, 105.0),
                List.of(1.0), List.of(100.0, 90.0, 120.0), List.of(50.0, 40.0, 60.0), 10, true);
        assertEquals(1.1, q.engineVsHourFiles(), 1e-9);
        assertEquals(2.2, q.engineVsOneFile(), 1e-9);
        assertEquals(2.0, q.hourFilesVsOneFile(), 1e-9);
        assertTrue(q.meetsHourFilesGoal());
        assertFalse(q.meetsOneFileGoal());
    }

    @Test
    void printsEveryGoalWithItsVerdictAndThePlaceholderForMissingStatistics() {
        QueryBenchReport report = new QueryBenchReport();
        report.queries.add(new QueryBenchReport.QueryTimes("fast", List.of(10.0), List.of(12.0), List.of(20.0),
                List.of(8.0), 3, true));
        report.queries.add(new QueryBenchReport.QueryTimes("slow", List.of(30.0), List.of(31.0), List.of(20.0),
                List.of(10.0), 3, false));
        report.explore.add(new QueryBenchReport.Line("warm re-open", 1.5, "", QueryBenchReport.GOAL_EXPLORE_OPEN_SECONDS));
        report.peakHeapMb = 300;
        report.peakHeapQueriesMb = 100;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains("<=1.1x hour files met, <=2x one file met"), out);
        assertTrue(out.contains("<=1.1x hour files MISSED, <=2x one file MISSED  RESULTS DIFFER"), out);
        assertTrue(out.contains("1 of 2 queries; engine <= 2x raw on one file: 1 of 2 queries"), out);
        assertTrue(out.contains("statistics: not measured (the statistics API is not in this build)"), out);
        assertTrue(out.contains("goal <= 1 s MISSED"), out);
        assertTrue(out.contains("300 MB over the whole run"), out);
    }

    @Test
    void measuredStatisticsGetAGoalLine() {
        QueryBenchReport report = new QueryBenchReport();
        report.statistics.add(new QueryBenchReport.Line("statistics", 4.2, "", QueryBenchReport.GOAL_STATISTICS_SECONDS));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("goal <= 5 s met"), out);
        assertFalse(out.contains("not measured"), out);
    }

    @Test
    void checksumsMatchAcrossTheEngineAndRawValueTypes() {
        QueryBenchChecked engine = new QueryBenchChecked();
        engine.row(new Object[] {Instant.parse("2024-01-01T01:00:00Z"), 7L, "p-1", 0.5});
        QueryBenchChecked raw = new QueryBenchChecked();
        raw.row(new Object[] {OffsetDateTime.of(2024, 1, 1, 1, 0, 0, 0, ZoneOffset.UTC), 7L, "p-1", 0.5000000001});
        assertEquals(engine, raw);
        QueryBenchChecked other = new QueryBenchChecked();
        other.row(new Object[] {Instant.parse("2024-01-01T01:00:00Z"), 8L, "p-1", 0.5});
        assertNotEquals(engine, other);
    }

    @Test
    void aboutTenRowsPerRecordId() {
        assertEquals(1_000_000, QueryBenchmark.distinctIds(10_000_000));
        assertEquals(1, QueryBenchmark.distinctIds(5));
    }
}
