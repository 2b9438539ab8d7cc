package org.featureworkbench.cli;

import static org.featureworkbench.cli.RecordCommandsTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stats and drift through the real CLI: tables, JSON, and one-line errors naming the option. */
class StatsCommandsTest {
    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        ok(RecordCommandsTest.createProfiles(cli));
        // t is Fractional epoch seconds: 1700000000 = 2023-11-14T22:13:20Z, +86400 the next day.
        for (int i = 0; i < 6; i++) {
            long t = 1_700_000_000L + (i < 3 ? 0 : 86_400) + i;
            int age = i < 3 ? 20 + i : 60 + i;
            ok(cli.run("put", "profiles", "--record={\"id\":\"p" + i + "\",\"t\":" + t + ",\"age\":" + age
                    + ",\"city\":\"" + (i < 3 ? "Lyon" : "Nice") + "\"}"));
        }
    }

    @Test
    void statsPrintsOneAlignedRowPerFeatureAndJsonOnAsk() throws Exception {
        Result text = ok(cli.run("stats", "profiles"));
        assertTrue(text.out().startsWith("Statistics of profiles, all history: 6 rows"), text.out());
        String ageRow = text.out().lines().filter(l -> l.startsWith("age ")).findFirst().orElseThrow();
        assertTrue(ageRow.matches("age\\s+Integral\\s+6\\s+0\\s+6\\s+20\\s+65\\s+42\\.5\\s.*"), ageRow);
        String header = text.out().lines().filter(l -> l.startsWith("FEATURE")).findFirst().orElseThrow();
        assertEquals(header.indexOf("COUNT"), ageRow.indexOf("6"), "columns line up");

        JsonNode json = new ObjectMapper().readTree(ok(cli.run("stats", "profiles", "--json")).out());
        assertEquals(6, json.get("rows").asInt());
        JsonNode city = json.get("features").get(4);
        assertEquals("city", city.get("name").asText());
        assertEquals("Lyon", city.get("topValues").get(0).get("value").asText());
        assertEquals(3, city.get("topValues").get(0).get("count").asInt());
        assertEquals("2023-11-14T22:13:20Z", json.get("firstEvent").asText());
        JsonNode ageJson = json.get("features").get(2);
        assertEquals("age", ageJson.get("name").asText());
        assertEquals(20, ageJson.at("/numeric/min").asInt(), ageJson.toString());
        assertEquals(65, ageJson.at("/numeric/max").asInt());
        assertEquals(42.5, ageJson.at("/numeric/mean").asDouble(), 1e-9);
        assertTrue(ageJson.at("/numeric/std").isNumber() && ageJson.at("/numeric/p50").isNumber(), ageJson.toString());
        assertTrue(city.get("numeric").isNull(), "a String feature has no numeric summary: " + city);

        Result one = ok(cli.run("stats", "profiles", "--feature", "age", "--latest"));
        assertTrue(one.out().contains("Histogram of age"), one.out());
    }

    @Test
    void driftReadsAShiftBetweenTheTwoDays() throws Exception {
        Result r = ok(cli.run("drift", "profiles", "--reference", "2023-11-14..2023-11-14", "--current",
                "2023-11-15T00:00:00Z..2023-11-16"));
        String age = r.out().lines().filter(l -> l.startsWith("age ")).findFirst().orElseThrow();
        assertTrue(age.contains("shifted"), r.out());
        assertTrue(r.out().contains("reference 2023-11-14T00:00:00Z..2023-11-14T23:59:59.999999Z: 3 rows"), r.out());
        assertTrue(r.err().contains("note: the reference window has only 3 rows: with fewer than 100 a PSI moves by "
                + "chance"), r.err());
        assertFalse(r.err().contains("overlap"), "disjoint windows: " + r.err());
        Result same = ok(cli.run("drift", "profiles", "--reference", "2023-11-14..2023-11-14", "--current",
                "2023-11-14T12:00:00Z..2023-11-16"));
        assertTrue(same.err().contains("note: the windows overlap (2023-11-14T12:00:00Z..2023-11-14T23:59:59.999999Z)"),
                same.err());
        JsonNode json = new ObjectMapper().readTree(ok(cli.run("drift", "profiles", "--reference",
                "2023-11-14..2023-11-14", "--current", "2023-11-14..2023-11-14", "--json")).out());
        assertEquals(0.0, json.get("features").get(0).get("psi").asDouble(), 1e-12);
    }

    @Test
    void badWindowsAndEmptyWindowsGetOneLineErrors() {
        Result notRange = cli.run("drift", "profiles", "--reference", "2023-11-14", "--current", "2023-11-15..2023-11-16");
        assertEquals(2, notRange.exitCode());
        assertTrue(notRange.err().lines().findFirst().orElseThrow().contains(
                "'--reference': '2023-11-14' is not a range; write FROM..TO, e.g. 2026-11-01..2026-11-15"), notRange.err());
        Result backwards = cli.run("drift", "profiles", "--reference", "2023-11-14..2023-11-15", "--current",
                "2023-11-16..2023-11-15");
        assertTrue(backwards.err().contains("'--current': '2023-11-16..2023-11-15' ends before it starts"), backwards.err());
        Result empty = cli.run("drift", "profiles", "--reference", "2023-11-14..2023-11-14", "--current",
                "2030-01-01..2030-01-02");
        assertEquals(1, empty.exitCode());
        assertEquals(1, empty.err().lines().count(), empty.err());
        assertTrue(empty.err().startsWith("error: the current window 2030-01-01T00:00:00Z..2030-01-02T23:59:59.999999Z "
                + "has no rows of 'profiles'"), empty.err());
        Result feature = cli.run("stats", "profiles", "--feature", "nope");
        assertTrue(feature.err().startsWith("error: --feature: feature group 'profiles' has no feature 'nope'"), feature.err());
    }
}
