package org.trainingsuite.reporting.report;

import java.util.List;
import java.util.Map;

/**
 * One report: the SQL of its rows (a select whose columns the filters, sorting and exports name), its
 * columns in order (JSON key and SQL column), the columns it may be sorted by, and its default order.
 * The SQL may use {@code :today} (today's date, as a bind parameter) any number of times.
 */
public record Report(String name, String sql, List<Column> columns, Map<String, String> sortable, String defaultOrder) {

    /** A column: its key in JSON and its header in CSV ({@code key}), its SQL name ({@code sql}). */
    public record Column(String key, String sql) {
    }

    /** A filter on the report's rows: an SQL condition over its columns, with its arguments. */
    public record Filter(String condition, List<Object> args) {

        public static Filter of(String condition, Object... args) {
            return new Filter(condition, List.of(args));
        }
    }

    public static Column col(String key, String sql) {
        return new Column(key, sql);
    }
}
