package dev.snapdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OutputTest {

    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    private final StringWriter text = new StringWriter();

    private Output output(OutputFormat format) {
        return new Output(new PrintWriter(text, true), format,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void tableAlignsColumnsAndUpperCasesHeadings() {
        Output table = output(OutputFormat.table);

        table.rows(List.of("name", "status"), List.of(
                Output.record("name", "a", "status", "running"),
                Output.record("name", "longer-name", "status", null)), "none");

        assertEquals("NAME         STATUS\na            running\nlonger-name  -\n",
                text.toString().replace("\r\n", "\n"));
    }

    @Test
    void tableSaysSoWhenThereAreNoRows() {
        output(OutputFormat.table).rows(List.of("name"), List.of(), "No runs.");

        assertEquals("No runs.", text.toString().strip());
    }

    @Test
    void jsonKeepsWholeIdsIsoTimesAndNulls() {
        UUID id = UUID.fromString("6d8f0a2c-4e5b-4d7f-8b9c-0e1f2a3b4c5d");

        output(OutputFormat.json).rows(List.of("id"), List.of(Output.record("id", id,
                "created", Instant.parse("2026-06-30T14:03:11Z"), "reason", null)), "none");

        String json = text.toString().replaceAll("\\s+", "");
        assertEquals("[{\"id\":\"6d8f0a2c-4e5b-4d7f-8b9c-0e1f2a3b4c5d\","
                + "\"created\":\"2026-06-30T14:03:11Z\",\"reason\":null}]", json);
    }

    @Test
    void tablesCutIdsToEightCharacters() {
        UUID id = UUID.fromString("6d8f0a2c-4e5b-4d7f-8b9c-0e1f2a3b4c5d");

        assertEquals("6d8f0a2c", output(OutputFormat.table).cell(id, true));
    }

    @Test
    void relativeTimesReadLikeSpeech() {
        Output table = output(OutputFormat.table);

        assertEquals("just now", table.relative(NOW.minusSeconds(2)));
        assertEquals("42s ago", table.relative(NOW.minusSeconds(42)));
        assertEquals("5m ago", table.relative(NOW.minusSeconds(5 * 60 + 10)));
        assertEquals("3h ago", table.relative(NOW.minusSeconds(3 * 3600 + 5)));
        assertEquals("2d ago", table.relative(NOW.minusSeconds(2 * 86400 + 5)));
        assertEquals("2026-01-02", table.relative(Instant.parse("2026-01-02T08:00:00Z")));
        assertEquals("2026-07-02", table.relative(Instant.parse("2026-07-02T08:00:00Z")));
    }

    @Test
    void detailsAlignValuesAfterTheirLabels() {
        output(OutputFormat.table).details(Output.record("name", "x", "latest_run", "y"));

        assertEquals("Name:        x\nLatest run:  y\n", text.toString().replace("\r\n", "\n"));
    }

    @Test
    void tablesShowControlCharactersAsEscapesAndCutLongCells() {
        String hostile = "\u001b[2J\u001b]0;owned\u0007a\r\nb\tc";

        output(OutputFormat.table).rows(List.of("name", "status"), List.of(
                Output.record("name", hostile, "status", "running"),
                Output.record("name", "n".repeat(5_000), "status", "failed")), "none");

        List<String> lines = text.toString().replace("\r\n", "\n").lines().toList();
        assertEquals(3, lines.size(), text.toString());
        assertEquals("\\x1b[2J\\x1b]0;owned\\x07a\\r\\nb\\tc", lines.get(1).split("  +")[0]);
        assertEquals("n".repeat(59) + "…  failed", lines.get(2));
    }

    @Test
    void detailsShowControlCharactersAsEscapesButKeepLongValuesWhole() {
        output(OutputFormat.table).details(Output.record("name", "a\u001bb" + "c".repeat(100)));

        assertEquals("Name:  a\\x1bb" + "c".repeat(100) + "\n", text.toString().replace("\r\n", "\n"));
    }

    @Test
    void jsonKeepsControlCharactersExact() throws Exception {
        output(OutputFormat.json).rows(List.of("name"), List.of(Output.record("name", "a\u001b\nb")),
                "none");

        assertEquals("a\u001b\nb", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(text.toString()).get(0).get("name").asText());
    }

    @Test
    void logLinesKeepTabsAndNewlinesButNoOtherControlCharacters() {
        assertEquals("col\tcol\nnext \\x1b[31mred\\r", TerminalText.logLine("col\tcol\nnext \u001b[31mred\r"));
        assertEquals("plain", TerminalText.logLine("plain"));
    }
}
