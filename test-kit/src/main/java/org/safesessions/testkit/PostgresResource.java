package org.safesessions.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;

/**
 * A real PostgreSQL server for a service's tests, from the embedded binaries (no Docker, ~1 s), on a random port.
 * Every service test suite gets its own empty database; Flyway migrates it at start.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path dataDirectory;
    private static int port;

    /** The embedded server logs its own start-up line by line; warnings are enough here. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.zonky");

    @Override
    public Map<String, String> start() {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        try {
            dataDirectory = Files.createTempDirectory("safesessions-pg");
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
            port = postgres.getPort();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create role app login password 'app'");
                c.createStatement().execute("create database app owner app");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/app",
                "quarkus.datasource.username", "app",
                "quarkus.datasource.password", "app");
    }

    /** The database goes away (its data kept) until {@link #startDatabase()}: for outage tests. */
    public static void stopDatabase() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database comes back on the same port with the same data. */
    public static void startDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A superuser JDBC URL, for tests that must look into the database directly (e.g. tampering, encryption). */
    public static String adminJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/app?user=postgres";
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
                try (var files = Files.walk(dataDirectory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
