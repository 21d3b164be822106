package org.trainingsuite.reporting.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a report: a page of rows, or every row streamed as CSV or JSON. Streaming reads through a database
 * cursor ({@value #FETCH} rows at a time, in a read-only transaction) and writes each row as it comes, so
 * an export of any size takes bounded memory.
 */
@Service
public class ReportRunner {

    static final int FETCH = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;
    private final Clock clock;

    ReportRunner(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
        this.clock = clock;
    }

    /** One page of rows, each a map in the report's column order. */
    public Page<Map<String, Object>> page(Report report, List<Report.Filter> filters, Pageable pageable) {
        Query q = query(report, filters, pageable.getSort());
        Long total = readOnly.execute(s -> jdbc.queryForObject("select count(*) from (" + q.inner() + ") t" + q.where(),
                Long.class, q.args().toArray()));
        List<Object> args = new ArrayList<>(q.args());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<Map<String, Object>> rows = readOnly.execute(s -> jdbc.query(q.select() + " limit ? offset ?",
                (rs, n) -> row(report, rs), args.toArray()));
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** Every row as CSV (a header line of column keys, then one line per row), written as read. */
    public void csv(Report report, List<Report.Filter> filters, Sort sort, OutputStream out) {
        Query q = query(report, filters, sort);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        readOnly.executeWithoutResult(s -> {
            try {
                writer.write(report.columns().stream().map(Report.Column::key).collect(Collectors.joining(",")));
                writer.write("\r\n");
                streaming.query(q.select(), rs -> {
                    try {
                        for (int i = 0; i < report.columns().size(); i++) {
                            if (i > 0) {
                                writer.write(',');
                            }
                            writer.write(csvField(value(rs, report.columns().get(i).sql())));
                        }
                        writer.write("\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, q.args().toArray());
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every row as one JSON array of objects, written as read. */
    public void json(Report report, List<Report.Filter> filters, Sort sort, OutputStream out) {
        Query q = query(report, filters, sort);
        readOnly.executeWithoutResult(s -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartArray();
                streaming.query(q.select(), rs -> {
                    g.writePOJO(row(report, rs));
                }, q.args().toArray());
                g.writeEndArray();
            }
        });
    }

    private record Query(String inner, String where, String select, List<Object> args) {
    }

    private Query query(Report report, List<Report.Filter> filters, Sort sort) {
        LocalDate today = LocalDate.now(clock);
        String inner = report.sql().replace(":today", "?");
        List<Object> args = new ArrayList<>();
        int todays = report.sql().split(":today", -1).length - 1;
        for (int i = 0; i < todays; i++) {
            args.add(Date.valueOf(today));
        }
        String where = filters.isEmpty() ? ""
                : " where " + filters.stream().map(f -> "(" + f.condition() + ")").collect(Collectors.joining(" and "));
        filters.forEach(f -> args.addAll(f.args()));
        List<String> order = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = report.sortable().get(o.getProperty());
            if (column != null) {
                order.add(column + (o.isDescending() ? " desc nulls last" : " asc nulls last"));
            }
        }
        order.add(report.defaultOrder());
        String columns = report.columns().stream().map(Report.Column::sql).collect(Collectors.joining(", "));
        String select = "select " + columns + " from (" + inner + ") t" + where + " order by " + String.join(", ", order);
        return new Query(inner, where, select, args);
    }

    private static Map<String, Object> row(Report report, ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Report.Column c : report.columns()) {
            row.put(c.key(), value(rs, c.sql()));
        }
        return row;
    }

    private static Object value(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().scale() <= 0 ? b.setScale(0, java.math.RoundingMode.UNNECESSARY) : b.stripTrailingZeros();
        }
        return v == null ? null : v instanceof Number || v instanceof Boolean ? v : v.toString();
    }

    /**
     * RFC 4180: quoted when it holds a comma, quote or line break; a quote doubled. Text that a spreadsheet
     * would run as a formula (starting with =, +, -, @, tab or carriage return: a name typed by anyone) is
     * prefixed with an apostrophe (OWASP CSV injection); numbers are written as they are.
     */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (value instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
