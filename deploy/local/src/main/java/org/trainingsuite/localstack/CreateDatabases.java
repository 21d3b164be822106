package org.trainingsuite.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates each service's database when it does not exist yet, so deploy/suite needs no psql.
 *
 * <p>Usage: {@code CreateDatabases <admin JDBC URL> <user> <password> <db>...}, e.g.
 * {@code CreateDatabases jdbc:postgresql://127.0.0.1:5432/postgres postgres "" directory}.
 * An empty password means none. Prints one line per database: "created NAME" or "exists NAME".
 */
public final class CreateDatabases {

    /** Names come from the script's table; keep them to plain identifiers so quoting is trivial. */
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private CreateDatabases() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 3) {
            System.err.println("usage: CreateDatabases <admin JDBC URL> <user> <password> <db>...");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = args[2].isEmpty() ? null : args[2];

        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            // CREATE DATABASE cannot run inside a transaction block.
            connection.setAutoCommit(true);
            for (int i = 3; i < args.length; i++) {
                String name = args[i];
                if (!SAFE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a plain lower-case database name: " + name);
                }
                if (exists(connection, name)) {
                    System.out.println("exists " + name);
                } else {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + name + "\"");
                    }
                    System.out.println("created " + name);
                }
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
