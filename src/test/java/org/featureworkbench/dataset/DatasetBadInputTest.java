package org.featureworkbench.dataset;

import static org.featureworkbench.dataset.DatasetFixture.integral;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.QueryCancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad specs fail before any output, with a message a user can act on that names what is wrong. */
class DatasetBadInputTest {
    private static final List<String> ENGINE_WORDS = List.of("Binder Error", "Catalog Error", "Conversion Error",
            "Parser Error", "Invalid Input Error", "java.", "Exception", "SELECT ");

    @TempDir
    Path dir;

    @Test
    void anUnknownJoinedGroupIsNamed() {
        try (DatasetFixture f = fixture()) {
            assertRefused(f, DatasetSpec.of(f.base("a,2026-01-01T00:00:10Z"), List.of(JoinedGroup.of("nope"))), "nope");
        }
    }

    @Test
    void anUnknownBaseGroupIsNamed() {
        try (DatasetFixture f = fixture()) {
            assertRefused(f, DatasetSpec.of(DatasetBase.group("missing_group"), List.of(JoinedGroup.of("g"))),
                    "missing_group");
        }
    }

    @Test
    void anUnknownFeatureIsNamedWithItsGroup() {
        try (DatasetFixture f = fixture()) {
            DatasetSpec spec = DatasetSpec.of(f.base("a,2026-01-01T00:00:10Z"),
                    List.of(JoinedGroup.of("g").withFeatures(List.of("v", "nosuch"))));
            assertRefused(f, spec, "nosuch", "g");
        }
    }

    @Test
    void aMissingBaseColumnIsNamed() {
        try (DatasetFixture f = fixture()) {
            Path csv = f.csv("base.csv", "id,t", "a,2026-01-01T00:00:10Z");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "customer", "t"), List.of(JoinedGroup.of("g"))),
                    "customer");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "id", "event_time"), List.of(JoinedGroup.of("g"))),
                    "event_time");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "id", "t"), List.of(JoinedGroup.of("g").on("account"))),
                    "account");
        }
    }

    @Test
    void anUnparseableBaseTimeIsNamedWithItsColumnAndValue() {
        try (DatasetFixture f = fixture()) {
            Path csv = f.csv("base.csv", "id,event_time", "a,2026-01-01T00:00:10Z", "b,yesterday");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "id", "event_time"), List.of(JoinedGroup.of("g"))),
                    "event_time", "yesterday");
        }
    }

    @Test
    void aBaseTimeInMillisecondsIsSaidToBeMillisecondsWithItsLine() {
        try (DatasetFixture f = fixture()) {
            Path csv = f.csv("base.csv", "id,event_time", "a,1767225600", "b,1767225600000");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "id", "event_time"), List.of(JoinedGroup.of("g"))),
                    "'1767225600000'", "line 3 of base.csv", "looks like milliseconds", "divide the column by 1000");
        }
    }

    /** The line an editor shows: header = 1, a blank line and a quoted two-line note counted as the file has them. */
    @Test
    void aBaseRowWithoutATimeIsNamedWithItsFileAndLine() {
        try (DatasetFixture f = fixture()) {
            Path csv = f.csv("base.csv", "id,note,event_time", "a,\"two\nlines\",2026-01-01T00:00:10Z", "",
                    "b,plain,", "c,,");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "id", "event_time"), List.of(JoinedGroup.of("g"))),
                    "2 base rows have no event time in column 'event_time'", "the first on line 5 of base.csv",
                    "fill them in");
        }
    }

    @Test
    void anUnparseableBaseTimeIsLocatedByItsFieldNotByTextElsewhereOnALine() {
        try (DatasetFixture f = fixture()) {
            Path csv = f.csv("base.csv", "id,note,event_time", "a,soon,2026-01-01T00:00:10Z", "b,x,soon");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "id", "event_time"), List.of(JoinedGroup.of("g"))),
                    "'soon'", "line 3 of base.csv");
        }
    }

    @Test
    void anAsOfInTheFutureIsRefused() {
        try (DatasetFixture f = fixture()) {
            DatasetSpec spec = DatasetSpec.of(f.base("a,2026-01-01T00:00:10Z"), List.of(JoinedGroup.of("g")))
                    .withAsOf(java.time.Instant.now().plusSeconds(3600));
            assertRefused(f, spec, "--as-of", "is in the future", "give a past time");
            FeatureStoreException e = assertThrows(FeatureStoreException.class, () -> f.store.datasets().build(spec,
                    dir.resolve("future.csv"), null, new QueryCancellation()));
            assertTrue(e.getMessage().contains("is in the future"), e.getMessage());
            assertFalse(java.nio.file.Files.exists(dir.resolve("future.csv")), "nothing written");
        }
    }

    @Test
    void anEmptyBaseFileIsSaidToBeEmpty() {
        try (DatasetFixture f = fixture()) {
            Path empty = f.csv("empty.csv");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(empty, "id", "t"), List.of(JoinedGroup.of("g"))),
                    "empty.csv is empty", "header line");
        }
    }

    @Test
    void aBaseFileOfRandomBytesOrABrokenParquetIsSaidNotToBeOneInOurWords() throws Exception {
        try (DatasetFixture f = fixture()) {
            byte[] noise = new byte[64 * 1024];
            new java.util.Random(7).nextBytes(noise);
            Path garbage = java.nio.file.Files.write(dir.resolve("garbage.csv"), noise);
            assertRefused(f, DatasetSpec.of(DatasetBase.file(garbage, "id", "t"), List.of(JoinedGroup.of("g"))),
                    "garbage.csv cannot be read as CSV", "give a CSV file with a header line");
            Path notParquet = java.nio.file.Files.writeString(dir.resolve("labels.parquet"), "id,t\na,2026-01-01T00:00:10Z\n");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(notParquet, "id", "t"), List.of(JoinedGroup.of("g"))),
                    "labels.parquet cannot be read as Parquet");
        }
    }

    @Test
    void aBaseColumnNamedLikeAPrefixedFeatureIsToBeRenamedInTheBase() {
        try (DatasetFixture f = fixture()) {
            Path csv = f.csv("clash.csv", "id,t,v,g.v", "a,2026-01-01T00:00:10Z,1,2");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "id", "t"), List.of(JoinedGroup.of("g"))),
                    "two columns named 'g.v'", "the base has a column of that name; rename it in the base");
        }
    }

    @Test
    void anEmptyJoinListIsRefused() {
        try (DatasetFixture f = fixture()) {
            assertRefused(f, DatasetSpec.of(f.base("a,2026-01-01T00:00:10Z"), List.of()), "join");
        }
    }

    private DatasetFixture fixture() {
        DatasetFixture f = new DatasetFixture(dir).group("g", FeatureType.STRING, integral("v"));
        f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
        return f;
    }

    /** Both the plan and the preview refuse the spec, naming every one of {@code mentions}. */
    /** AWS's car_data.csv: a header of 7 names over rows of 8 fields, which DuckDB reads as a data row. */
    @Test
    void aHeaderShorterThanItsRowsIsExplained() {
        try (DatasetFixture f = fixture()) {
            Path csv = f.csv("cars.csv", "Id,Year", "96864,6110,2019", "51128,7439,2016");
            assertRefused(f, DatasetSpec.of(DatasetBase.file(csv, "Id", "Year"), List.of(JoinedGroup.of("g"))),
                    "no column 'Id'", "line 1 of cars.csv, its header, has 2 names but line 2 has 3 fields");
        }
    }

    private static void assertRefused(DatasetFixture f, DatasetSpec spec, String... mentions) {
        FeatureStoreException e = assertThrows(FeatureStoreException.class,
                () -> f.store.datasets().preview(spec, 10, new QueryCancellation()).close());
        String message = e.getMessage();
        for (String mention : mentions) {
            assertTrue(message.toLowerCase(Locale.ROOT).contains(mention.toLowerCase(Locale.ROOT)),
                    "'" + message + "' does not name " + mention);
        }
        for (String word : ENGINE_WORDS) {
            assertFalse(message.contains(word), "'" + message + "' speaks the engine's language (" + word + ")");
        }
    }
}
