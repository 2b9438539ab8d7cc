package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** {@code query --timeout}: a duration always carries its unit. */
class QueryArgumentsTest {
    final QueryArguments.DurationConverter durations = new QueryArguments.DurationConverter();

    @TempDir
    Path tempDir;

    @Test
    void eachUnitIsRead() {
        assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
        assertEquals(Duration.ofSeconds(30), durations.convert("30s"));
        assertEquals(Duration.ofMinutes(5), durations.convert(" 5M "));
        assertEquals(Duration.ofHours(1), durations.convert("1h"));
    }

    @Test
    void aBareNumberIsRefusedWithTheUnitsToWrite() {
        // psql's statement_timeout reads 10 as milliseconds, a shell's timeout as seconds: guessing
        // would surprise one of them.
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> durations.convert("10"));
        assertEquals("'10' has no unit; write 10s for seconds, or 10ms, 10m or 10h", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0s", "-5s", "5 minutes", ""})
    void whatIsNoDurationIsRefused(String value) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> durations.convert(value));
        assertTrue(e.getMessage().contains("is not a duration; write e.g. 500ms, 30s, 5m or 1h"), e.getMessage());
    }

    @Test
    void helpSaysTheUnitIsNeeded() {
        Result help = new CliRunner(tempDir).runRaw("query", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("a number with its unit: 500ms, 30s, 5m or 1h"),
                help.out());
    }
}
