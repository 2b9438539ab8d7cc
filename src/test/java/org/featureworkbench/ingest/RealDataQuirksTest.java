package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quirks of AWS's own sample files (../shared/realdata), reproduced in fixtures. */
class RealDataQuirksTest {

    @Test
    void awsIntroductionFileWithBomIngestsCleanlyWithAStampedEventTime() {
        var file = Fixtures.path("intro_customer_bom.csv");
        InferredSchema schema = SchemaInference.infer(file, SourceOptions.DETECT,
                InferenceOptions.DEFAULTS.withStampEventTime(true));
        Instant now = Instant.parse("2024-05-01T12:00:00.123Z");
        CollectingRejects rejects = new CollectingRejects();
        List<MappedRow> rows = new ArrayList<>();
        CollectingRejects.ingest(file, IngestOptions.DEFAULTS.withMapping(schema.mappingOptions(now)),
                schema.definition(), rejects, rows);
        assertEquals(List.of(), rejects.rejections);
        assertEquals(4, rows.size());
        assertEquals("573291", rows.get(0).recordId());
        assertEquals(573291L, rows.get(0).typedValues().get("customer_id"));
        assertEquals("1714564800.123", rows.get(0).textValues().get("EventTime"));
    }

    @Test
    void carDataRowsWithMoreFieldsThanHeaderNamesAreRejectedNeverShifted() {
        List<SourceRow> rows = Fixtures.readAll(Fixtures.path("car_data_ragged.csv"));
        assertEquals(3, rows.size());
        for (SourceRow row : rows) {
            assertTrue(row.isRejected());
            assertEquals("line " + row.line() + " has 8 fields but the header has 7 names — values would shift; fix the"
                    + " header or the row", row.problem());
        }
        assertEquals("96864,6110,2019 Tesla Model 3 Standard Range,2019,Used,\"50,412 mi.\",\"$31,924.00\",Not specified",
                rows.get(0).originalText());
    }

    @Test
    void carDataQuotedNumbersAreOneFieldEachAndNotIntegral(@TempDir Path dir) {
        // With a header naming all 8 fields, the quoted "50,412 mi." stays one value.
        Path fixed = Fixtures.write(dir, "car_fixed.csv", "Row,Id,Model,Year,Status,Mileage,Price,MSRP\n"
                + "96864,6110,2019 Tesla Model 3 Standard Range,2019,Used,\"50,412 mi.\",\"$31,924.00\",Not specified\n");
        SourceRow row = Fixtures.readAll(fixed).get(0);
        assertEquals("50,412 mi.", row.value("Mileage"));
        assertEquals("$31,924.00", row.value("Price"));
        var e = assertThrows(ValueRejectedException.class, () -> ValueCoercion.integral("50,412"));
        assertTrue(e.getMessage().contains("thousands separator"), e.getMessage());
    }
}
