package org.featureworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetBenchmarkReportTest {

    @Test
    void goalsCompareTheMediansOfTheSameFormat() {
        DatasetBenchmarkReport r = report();
        assertEquals(1.5, r.ratio(DatasetBenchmarkReport.BUILDER, DatasetBenchmarkReport.RAW, "CSV"), 1e-9);
        assertTrue(r.builderGoalMet("CSV"));
        assertEquals(2.0, r.ratio(DatasetBenchmarkReport.BUILDER, DatasetBenchmarkReport.RAW, "Parquet"), 1e-9);
        assertFalse(r.builderGoalMet("Parquet"));
        assertEquals(5.0, r.ratio(DatasetBenchmarkReport.PANDAS, DatasetBenchmarkReport.BUILDER, "CSV"), 1e-9);
        assertTrue(r.pandasGoalMet());
    }

    @Test
    void aMissingSideIsNotMeasuredAndNeverMet() {
        DatasetBenchmarkReport r = new DatasetBenchmarkReport();
        r.times.add(new DatasetBenchmarkReport.Times(DatasetBenchmarkReport.RAW, "CSV", 1, List.of(1.0)));
        assertTrue(Double.isNaN(r.ratio(DatasetBenchmarkReport.PANDAS, DatasetBenchmarkReport.BUILDER, "CSV")));
        assertFalse(r.pandasGoalMet());
        assertFalse(r.outputsEqual(), "nothing compared is not 'equal'");
    }

    @Test
    void printsEveryGoalAndTheEqualityLine() {
        DatasetBenchmarkReport r = report();
        r.comparisons.add(new DatasetBenchmarkCompare.Outcome("raw", 10, 0, 0, List.of(), null));
        r.comparisons.add(new DatasetBenchmarkCompare.Outcome("pandas", 10, 1, 1, List.of("row"), null));
        r.peakHeapMb = 600;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*builder / raw DuckDB, CSV +1\\.50x +goal <= 1\\.5x +met\n.*"), text);
        assertTrue(text.matches("(?s).*builder / raw DuckDB, Parquet +2\\.00x +goal <= 1\\.5x +MISSED\n.*"), text);
        assertTrue(text.matches("(?s).*peak Java heap, whole run +600 MB +goal <= 512 MB +MISSED\n.*"), text);
        assertTrue(text.contains("\noutputs equal: no\n"), text);
    }

    private static DatasetBenchmarkReport report() {
        DatasetBenchmarkReport r = new DatasetBenchmarkReport();
        r.times.add(new DatasetBenchmarkReport.Times(DatasetBenchmarkReport.BUILDER, "CSV", 9, List.of(3.0, 100.0, 2.0)));
        r.times.add(new DatasetBenchmarkReport.Times(DatasetBenchmarkReport.BUILDER, "Parquet", 9, List.of(4.0)));
        r.times.add(new DatasetBenchmarkReport.Times(DatasetBenchmarkReport.RAW, "CSV", 9, List.of(2.0, 1.0, 2.0)));
        r.times.add(new DatasetBenchmarkReport.Times(DatasetBenchmarkReport.RAW, "Parquet", 9, List.of(2.0)));
        r.times.add(new DatasetBenchmarkReport.Times(DatasetBenchmarkReport.PANDAS, "CSV", 9, List.of(15.0)));
        return r;
    }
}
