package org.trainingsuite.platform.test;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container; only loaded when a Docker engine answered. */
final class TestcontainersPostgres {

    private TestcontainersPostgres() {
    }

    static TestPostgres start() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
        return TestPostgres.withFreshDatabase(container.getJdbcUrl(), container.getUsername(),
                container.getPassword(), "testcontainers");
    }
}
