package dev.snapdeck.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void schemaVersionIsTheNewestMigration() throws IOException {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(file -> name.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(match -> Integer.parseInt(match.group(1)))
                    .max().orElseThrow();
        }
        assertEquals(newest, Store.SCHEMA_VERSION, "Store.SCHEMA_VERSION must name the newest migration");
    }

    @Test
    void aNewDatabaseIsMigratedAndThenKnownToBe() throws Exception {
        try (Connection connection = connect()) {
            assertFalse(Store.migrated(connection));
        }
        Store.open(dir).close();
        try (Connection connection = connect()) {
            assertTrue(Store.migrated(connection));
        }
    }

    @Test
    void aDatabaseBehindTheNewestMigrationOrWithAFailedOneIsLeftToFlyway() throws Exception {
        Store.open(dir).close();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
            assertFalse(Store.migrated(connection), "a failed migration");
            statement.execute("UPDATE flyway_schema_history SET success = 1 WHERE version = '1'");
            // As if this database were last opened by the release before the newest migration.
            statement.execute("DELETE FROM flyway_schema_history WHERE version = '" + Store.SCHEMA_VERSION + "'");
            assertFalse(Store.migrated(connection), "a missing migration");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("snapdeck.db"));
    }
}
