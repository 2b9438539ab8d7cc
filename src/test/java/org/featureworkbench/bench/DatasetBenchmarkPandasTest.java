package org.featureworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBenchmarkPandasTest {
    @TempDir
    Path dir;

    @Test
    void timingsAreReadFromTheScriptsLastLine() {
        assertEquals("12.5", DatasetBenchmarkPandas.parseTimings("{\"pandas\": \"1.5.3\", \"join\": 12.5, \"rows\": 3}")
                .get("join"));
        assertEquals("1.5.3", DatasetBenchmarkPandas.parseTimings("{\"pandas\": \"1.5.3\"}").get("pandas"));
    }

    @Test
    void theConfigNamesEachGroupsColumnsByKindAndTheOutputInBuilderOrder() throws Exception {
        List<DatasetBenchmarkGroup> groups = DatasetBenchmarkGroup.all();
        Path config = dir.resolve("c.json");
        DatasetBenchmarkPandas.writeConfig(config, dir.resolve("base.csv"), groups,
                groups.stream().map(g -> dir.resolve(g.name() + ".csv")).toList(), dir.resolve("out.csv"));
        String json = Files.readString(config);
        assertTrue(json.contains("\"time\": \"order_time\", \"time_kind\": \"epoch\""), json);
        assertTrue(json.contains("\"order\": [\"label\"]"), json);
        assertTrue(json.contains("\"columns\": [\"customer_id\", \"event_time\", \"label\", \"profile_time\", \"age\""),
                json);
    }
}
