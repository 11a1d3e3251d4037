package dev.snapdeck.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import dev.snapdeck.OwnerOnly;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's SQLite database in its data folder: migrated with Flyway at open, WAL journal,
 * foreign keys on. One connection guarded by a lock serves every request (SQLite has one writer
 * anyway); every unit of work runs in its own transaction, so multi-row changes are atomic.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** The files SQLite keeps beside the database in WAL mode. */
    private static final List<String> WAL_FILES = List.of("-wal", "-shm");

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Bumped by every transaction that changed a row; read-only work can cache against it. */
    private long generation;
    private final Map<String, Long> counts = new java.util.HashMap<>();
    private long countsGeneration = -1;

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private Store(Connection connection) {
        this.connection = connection;
    }

    /**
     * The version of the newest migration in {@code db/migration}; a database that Flyway has
     * already brought to it opens without starting Flyway (which costs the dashboard's start-up
     * most of a second). StoreTest keeps this in step with the migration files.
     */
    public static final int SCHEMA_VERSION = 3;

    /** Opens (creating and migrating when needed) {@code <dataDir>/snapdeck.db}. */
    public static Store open(Path dataDir) throws SQLException, java.io.IOException {
        OwnerOnly.folder(dataDir);
        Path database = dataDir.resolve("snapdeck.db");
        // SQLite gives its -wal and -shm files the database file's permissions, so creating the
        // database owner-only keeps all three so; files from before this are tightened.
        OwnerOnly.file(database);
        for (String suffix : WAL_FILES) {
            OwnerOnly.tightenIfPresent(dataDir.resolve("snapdeck.db" + suffix));
        }
        String url = "jdbc:sqlite:" + database.toAbsolutePath();
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            // SQLite names no file in its messages ("unable to open the database file").
            throw new SQLException("Cannot open the database " + database.toAbsolutePath() + ": "
                    + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
        try {
            if (!migrated(connection)) {
                Flyway.configure(Store.class.getClassLoader())
                        .dataSource(url, "", "")
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            }
        } catch (RuntimeException | SQLException e) {
            connection.close();
            throw e;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA busy_timeout=5000");
        }
        connection.setAutoCommit(false);
        LOG.debug("Store open at {}", url);
        return new Store(connection);
    }

    /** Whether Flyway's history says every migration up to {@link #SCHEMA_VERSION} succeeded. */
    static boolean migrated(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master "
                     + "WHERE type = 'table' AND name = 'flyway_schema_history'")) {
            if (!history.next() || history.getInt(1) == 0) {
                return false;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet versions = statement.executeQuery("SELECT "
                     + "MAX(CASE WHEN success = 1 THEN CAST(version AS INTEGER) END), "
                     + "SUM(CASE WHEN success = 1 THEN 0 ELSE 1 END) FROM flyway_schema_history")) {
            return versions.next() && versions.getInt(1) == SCHEMA_VERSION && versions.getInt(2) == 0;
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            try {
                Tx tx = new Tx(this, connection);
                T result = work.run(tx);
                connection.commit();
                if (tx.changed) {
                    generation++;
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new StoreException((SQLException) e);
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the store failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** A database failure, unchecked; {@link #isUniqueViolation()} tells a name clash. */
    public static final class StoreException extends RuntimeException {
        StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public boolean isUniqueViolation() {
            return getMessage() != null && getMessage().contains("UNIQUE constraint failed");
        }
    }

    /** The statements of one transaction. Rows come back as column → value maps in column order. */
    public static final class Tx {
        private final Store store;
        private final Connection connection;
        private final Map<String, Object> memo = new java.util.HashMap<>();
        private boolean changed;

        Tx(Store store, Connection connection) {
            this.store = store;
            this.connection = connection;
        }

        /** A value computed once per transaction (e.g. a user embedded in every run of a page). */
        @SuppressWarnings("unchecked")
        public <V> V memo(String key, Work<V> loader) throws SQLException {
            if (memo.containsKey(key)) {
                return (V) memo.get(key);
            }
            V value = loader.run(this);
            memo.put(key, value);
            return value;
        }

        /**
         * {@link #count}, remembered until the next transaction that changes a row (the store has
         * one connection, so no other writer can change a count behind it).
         */
        public long cachedCount(String sql, List<?> parameters) throws SQLException {
            if (store.countsGeneration != store.generation) {
                store.counts.clear();
                store.countsGeneration = store.generation;
            }
            String key = sql + "\u0000" + parameters;
            Long cached = store.counts.get(key);
            if (cached != null) {
                return cached;
            }
            long value = count(sql, parameters);
            if (store.counts.size() > 1000) {
                store.counts.clear();
            }
            store.counts.put(key, value);
            return value;
        }

        public List<Map<String, Object>> query(String sql, List<?> parameters) throws SQLException {
            try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        }

        public List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
            return query(sql, List.of(parameters));
        }

        public Optional<Map<String, Object>> one(String sql, Object... parameters) throws SQLException {
            List<Map<String, Object>> rows = query(sql, List.of(parameters));
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }

        public long count(String sql, List<?> parameters) throws SQLException {
            try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }

        public int update(String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(sql, java.util.Arrays.asList(parameters))) {
                int rows = statement.executeUpdate();
                changed |= rows > 0;
                return rows;
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        private PreparedStatement prepare(String sql, List<?> parameters) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }
    }
}
