package org.trainingsuite.reporting.report;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.ServiceUnavailableException;
import org.trainingsuite.platform.web.Paging;

/**
 * The reports. Each takes its filters, {@code page}, {@code size} and {@code sort} ({@code column} or
 * {@code column,desc}), and {@code format}: none for a page of JSON with the report's freshness, {@code csv}
 * or {@code json} for every matching row, written as read (freshness in the {@code X-Report-*} headers).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ReportController {

    private final ReportRunner runner;
    private final Freshness freshness;
    /** Each export holds a pooled connection while it streams: a few at once, so events keep being applied. */
    private final Semaphore exports;

    ReportController(ReportRunner runner, Freshness freshness,
            @Value("${reporting.exports.max-concurrent:3}") int maxConcurrentExports) {
        this.runner = runner;
        this.freshness = freshness;
        this.exports = new Semaphore(maxConcurrentExports);
    }

    /** A page of a report, and how fresh it is. */
    record ReportPage(List<Map<String, Object>> items, int page, int size, long totalItems, int totalPages,
                      Freshness.Status freshness) {
    }

    /** {@code page}, {@code size}, {@code sort} and {@code format} of every report. */
    record Output(Integer page, Integer size, String sort, String format) {
    }

    /** The filters both learning plan reports take. */
    record PlanFilters(UUID planId, String personId, UUID groupId, UUID accountId, LocalDate dueFrom, LocalDate dueTo) {

        List<Report.Filter> filters() {
            List<Report.Filter> f = new ArrayList<>();
            eq(f, "plan_id", planId);
            eq(f, "person_id", personId);
            eq(f, "account_id", accountId);
            inGroup(f, groupId);
            range(f, "due_date", "dueFrom", dueFrom, "dueTo", dueTo);
            return f;
        }
    }

    @GetMapping("/reports/learning-plan-status")
    ResponseEntity<ReportPage> planStatus(@ParameterObject PlanFilters plans, @RequestParam(required = false) @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|OVERDUE",
                    message = "must be NOT_STARTED, IN_PROGRESS, COMPLETED or OVERDUE") String status,
            @RequestParam(required = false) @Pattern(regexp = "PERSON|GROUP|SELF", message = "must be PERSON, GROUP or SELF")
            String assignedHow, @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = plans.filters();
        eq(f, "status", status);
        eq(f, "assigned_how", assignedHow);
        return run(Reports.PLAN_STATUS, f, output, response);
    }

    @GetMapping("/reports/people-by-learning-plan")
    ResponseEntity<ReportPage> peopleByPlan(@ParameterObject PlanFilters plans, @RequestParam(required = false) @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|WAIVED|ELECTIVE",
                    message = "must be NOT_STARTED, IN_PROGRESS, COMPLETED, WAIVED or ELECTIVE") String milestoneStatus,
            @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = plans.filters();
        eq(f, "milestone_status", milestoneStatus);
        return run(Reports.PEOPLE_BY_PLAN, f, output, response);
    }

    @GetMapping("/reports/passes")
    ResponseEntity<ReportPage> passes(@RequestParam(required = false) UUID passTypeId, @RequestParam(required = false) UUID accountId,
            @RequestParam(required = false) UUID groupId,
            @RequestParam(required = false) @Pattern(regexp = "ACTIVE|EXPIRED|CANCELLED",
                    message = "must be ACTIVE, EXPIRED or CANCELLED") String status,
            @RequestParam(required = false) @Min(0) @Max(3650) Integer expiringWithinDays,
            @RequestParam(required = false) LocalDate issuedFrom, @RequestParam(required = false) LocalDate issuedTo,
            @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = new ArrayList<>();
        eq(f, "pass_type_id", passTypeId);
        eq(f, "account_id", accountId);
        eq(f, "status", status);
        if (groupId != null) {
            f.add(Report.Filter.of("exists (select 1 from group_member g where g.group_id = ? and g.person_id = t.contact_id and g.present)",
                    groupId));
        }
        if (expiringWithinDays != null) {
            f.add(Report.Filter.of("status = 'ACTIVE' and days_left between 0 and ?", expiringWithinDays));
        }
        range(f, "issued_on", "issuedFrom", issuedFrom, "issuedTo", issuedTo);
        return run(Reports.PASSES, f, output, response);
    }

    @GetMapping("/reports/passes/by-type")
    ResponseEntity<ReportPage> byType(@RequestParam(required = false) UUID passTypeId,
            @RequestParam(required = false) @Pattern(regexp = "ACTIVE|EXPIRED|CANCELLED",
                    message = "must be ACTIVE, EXPIRED or CANCELLED") String status,
            @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = new ArrayList<>();
        eq(f, "pass_type_id", passTypeId);
        eq(f, "status", status);
        return run(Reports.PASSES_BY_TYPE, f, output, response);
    }

    @GetMapping("/reports/passes/by-account")
    ResponseEntity<ReportPage> byAccount(@RequestParam(required = false) UUID accountId,
            @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = new ArrayList<>();
        eq(f, "account_id", accountId);
        return run(Reports.PASSES_BY_ACCOUNT, f, output, response);
    }

    @GetMapping("/reports/passes/changes")
    ResponseEntity<ReportPage> changes(@RequestParam(required = false) UUID passTypeId,
            @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month, YYYY-MM") String fromMonth,
            @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month, YYYY-MM") String toMonth,
            @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = new ArrayList<>();
        eq(f, "pass_type_id", passTypeId);
        if (fromMonth != null) {
            f.add(Report.Filter.of("month >= ?", fromMonth));
        }
        if (toMonth != null) {
            f.add(Report.Filter.of("month <= ?", toMonth));
        }
        return run(Reports.PASS_CHANGES, f, output, response);
    }

    /**
     * A page as JSON; or, with a format, every row written to the response as it is read (synchronously, so
     * the servlet container's buffer is all that is held), answering null: the response is complete.
     */
    private ResponseEntity<ReportPage> run(Report report, List<Report.Filter> filters, @ParameterObject Output output,
            HttpServletResponse response) throws IOException {
        Pageable pageable = Paging.of(output.page(), output.size(), output.sort(), report.sortable().keySet(), Sort.unsorted());
        String format = output.format();
        if (format == null || format.isBlank()) {
            Page<Map<String, Object>> rows = runner.page(report, filters, pageable);
            return ResponseEntity.ok(new ReportPage(rows.getContent(), rows.getNumber(), rows.getSize(), rows.getTotalElements(),
                    rows.getTotalPages(), freshness.now()));
        }
        if (!format.equals("csv") && !format.equals("json")) {
            throw new InvalidInputException("format", "must be csv or json (or none, for a page)");
        }
        if (!exports.tryAcquire()) {
            throw new ServiceUnavailableException("as many exports as allowed are running; try again shortly", null);
        }
        try {
            export(report, filters, pageable, format, response);
        } finally {
            exports.release();
        }
        return null;
    }

    private void export(Report report, List<Report.Filter> filters, Pageable pageable, String format,
            HttpServletResponse response) throws IOException {
        Freshness.Status fresh = freshness.now();
        response.setHeader("X-Report-Newest-Event", fresh.newestEventAt() == null ? "" : fresh.newestEventAt().toString());
        response.setHeader("X-Report-Lag", fresh.lag() == null ? "unknown" : fresh.lag().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.name() + "." + format + "\"");
        response.setCharacterEncoding("UTF-8");
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            runner.csv(report, filters, pageable.getSort(), response.getOutputStream());
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            runner.json(report, filters, pageable.getSort(), response.getOutputStream());
        }
        response.flushBuffer();
    }

    private static void eq(List<Report.Filter> filters, String column, Object value) {
        if (value != null) {
            filters.add(Report.Filter.of(column + " = ?", value));
        }
    }

    private static void inGroup(List<Report.Filter> filters, UUID groupId) {
        if (groupId != null) {
            filters.add(Report.Filter.of(
                    "exists (select 1 from group_member g where g.group_id = ? and g.person_id = t.person_id and g.present)", groupId));
        }
    }

    private static void range(List<Report.Filter> filters, String column, String fromName, LocalDate from, String toName,
            LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException(toName, "must not be before " + fromName);
        }
        if (from != null) {
            filters.add(Report.Filter.of(column + " >= ?", java.sql.Date.valueOf(from)));
        }
        if (to != null) {
            filters.add(Report.Filter.of(column + " <= ?", java.sql.Date.valueOf(to)));
        }
    }
}
