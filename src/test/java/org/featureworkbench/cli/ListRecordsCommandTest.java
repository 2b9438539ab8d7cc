package org.featureworkbench.cli;

import static org.featureworkbench.cli.RecordCommandsTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list-records: ids on stdout, the next page's command on stderr, --json in ListRecords' shape. */
class ListRecordsCommandTest {
    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        ok(RecordCommandsTest.createProfiles(cli));
        Path records = cli.file("records.jsonl", "{\"id\":\"p3\",\"t\":1700000000}\n{\"id\":\"p1\",\"t\":1700000000}\n"
                + "{\"id\":\"p2\",\"t\":1700000000}\n");
        ok(cli.run("put", "profiles", "--record-file", records.toString()));
        ok(cli.run("delete", "profiles", "p2", "--event-time", "1700000001"));
    }

    @Test
    void printsOnePageAndTheCommandForTheNext() {
        Result first = ok(cli.run("list-records", "profiles", "--max-results", "1"));
        String token = first.err().substring(first.err().indexOf("--next-token ") + "--next-token ".length()).strip();
        Result second = ok(cli.run("list-records", "profiles", "--max-results", "1", "--next-token", token));

        assertEquals("p1\n", first.out());
        assertTrue(first.err().contains("next page: list-records profiles --next-token "), first.err());
        assertEquals("p3\n", second.out());
        assertEquals("", second.err());
    }

    @Test
    void includesSoftDeletedRecordsOnlyWhenAsked() {
        assertEquals("p1\np3\n", ok(cli.run("list-records", "profiles")).out());
        assertEquals("p1\np2\np3\n", ok(cli.run("list-records", "profiles", "--include-soft-deleted")).out());
    }

    @Test
    void jsonIsTheListRecordsResponseShape() throws Exception {
        JsonNode page = new ObjectMapper().readTree(ok(cli.run("list-records", "profiles", "--max-results", "1",
                "--json")).out());
        JsonNode last = new ObjectMapper().readTree(ok(cli.run("list-records", "profiles", "--next-token",
                page.get("NextToken").asText(), "--json")).out());

        assertEquals("[\"p1\"]", page.get("RecordIdentifiers").toString());
        assertEquals("[\"p3\"]", last.get("RecordIdentifiers").toString());
        assertFalse(last.has("NextToken"), last.toString());
    }

    @Test
    void badInputFailsWithOneLineThatSaysWhatToDo() {
        Result size = cli.run("list-records", "profiles", "--max-results", "0");
        Result token = cli.run("list-records", "profiles", "--next-token", "garbage");
        Result group = cli.run("list-records", "nope");

        assertNotEquals(0, size.exitCode());
        assertTrue(size.err().contains("--max-results: must be 1 to 1000, got 0"), size.err());
        assertNotEquals(0, token.exitCode());
        assertTrue(token.err().contains("--next-token: this token is not one ListRecords returned"), token.err());
        assertNotEquals(0, group.exitCode());
        assertTrue(group.err().contains("nope"), group.err());
        assertEquals(1, group.errLines().size(), group.err());
    }
}
