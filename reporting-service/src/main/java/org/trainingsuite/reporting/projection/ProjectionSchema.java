package org.trainingsuite.reporting.projection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Creates the read models ({@code projection.sql}) in a schema: in {@code live} after every migration (a
 * Flyway callback), and in a fresh schema for a rebuild. The statements are {@code create ... if not
 * exists}, so running them again changes nothing.
 */
@Component
public class ProjectionSchema implements Callback {

    /** The schema the reports read and the live consumers write. */
    public static final String LIVE = "live";

    private static final String DDL = load();

    /** Creates the read models in {@code schema} (which must exist) on this connection. */
    public static void create(Connection connection, String schema) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("set search_path to " + schema + ", public");
            st.execute(DDL);
            st.execute("set search_path to " + LIVE + ", public");
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            create(context.getConnection(), LIVE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the read models in schema " + LIVE, e);
        }
    }

    @Override
    public String getCallbackName() {
        return "reporting-projection-schema";
    }

    private static String load() {
        try (InputStream in = ProjectionSchema.class.getResourceAsStream("/projection.sql")) {
            if (in == null) {
                throw new IllegalStateException("projection.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
