package org.trainingsuite.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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

    /** What every report operation answers: a page of JSON or a CSV / JSON export, or 503 while exports are busy. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = ReportAnswers.PAGE_OR_EXPORT, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "503", description = ReportAnswers.EXPORTS_BUSY)
    @interface ReportAnswers {

        String PAGE_OR_EXPORT = "Without format, a page of rows with the report's freshness. With "
                + "format=csv or format=json, every matching row as a file attachment, written as it is read, with the "
                + "freshness in the X-Report-Newest-Event and X-Report-Lag headers.";
        String EXPORTS_BUSY = "An export (format csv or json) was asked for while as many exports as "
                + "allowed are streaming (3 unless configured); try again shortly, Retry-After says when. Pages without "
                + "a format are always served.";
    }

    private static final String FORMATS = " Without format the answer is a page of JSON with freshness (newest event "
            + "applied, consumer lag); format=csv or format=json exports every matching row instead.";

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
    record Output(Integer page, Integer size, String sort,
                  @Parameter(description = "Leave out for a page of JSON; csv (RFC 4180, a header of column keys) or "
                          + "json (an array of rows) for every matching row, in the sort asked for, as a download.",
                          schema = @Schema(type = "string", allowableValues = {"csv", "json"}))
                  String format) {
    }

    /** The filters both learning plan reports take. */
    record PlanFilters(
            @Parameter(description = "Only this learning plan.") UUID planId,
            @Parameter(description = "Only this person (their directory id).") String personId,
            @Parameter(description = "Only people who are members of this group now.") UUID groupId,
            @Parameter(description = "Only people of this account.") UUID accountId,
            @Parameter(description = "Only rows due on or after this date (ISO, e.g. 2027-01-01).") LocalDate dueFrom,
            @Parameter(description = "Only rows due on or before this date (ISO); not before dueFrom.") LocalDate dueTo) {

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

    @Tag(name = "Learning plan reports", description = "Learning Plan Status Highlights and People by Learning Plan: "
            + "each person's progress in the plans assigned to them or registered for, as built from learning-plan, "
            + "catalog and directory events. Pages of JSON, or CSV and JSON exports of every row.")
    @Operation(summary = "Get the learning plan status report",
            description = "Learning Plan Status Highlights: one row per plan and person, with how they were assigned "
                    + "(PERSON, GROUP, or SELF for someone who registered without being assigned), registration (NONE, "
                    + "STARTED, REGISTERED, CANCELLED, DELETED), status, waivedParts, percentComplete (required "
                    + "milestones met or waived, of all required ones), dueDate and completedAt. Status: COMPLETED once "
                    + "the plan is completed; OVERDUE when not and past the due date or flagged overdue; IN_PROGRESS with "
                    + "a milestone met or waived, a completion that counts, or a completed registration; else "
                    + "NOT_STARTED. Sortable by planName, personId, personName, status, percentComplete, dueDate, "
                    + "completedAt; by planName and personId unless asked." + FORMATS)
    @ReportAnswers
    @GetMapping("/reports/learning-plan-status")
    ResponseEntity<ReportPage> planStatus(@ParameterObject PlanFilters plans,
            @Parameter(description = "Only rows in this status.",
                    schema = @Schema(type = "string", allowableValues = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "OVERDUE"}))
            @RequestParam(required = false) @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|OVERDUE",
                    message = "must be NOT_STARTED, IN_PROGRESS, COMPLETED or OVERDUE") String status,
            @Parameter(description = "Only people assigned this way: PERSON, GROUP, or SELF (registered without being "
                    + "assigned).", schema = @Schema(type = "string", allowableValues = {"PERSON", "GROUP", "SELF"}))
            @RequestParam(required = false) @Pattern(regexp = "PERSON|GROUP|SELF", message = "must be PERSON, GROUP or SELF")
            String assignedHow, @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = plans.filters();
        eq(f, "status", status);
        eq(f, "assigned_how", assignedHow);
        return run(Reports.PLAN_STATUS, f, output, response);
    }

    @Tag(name = "Learning plan reports")
    @Operation(summary = "Get the people by learning plan report",
            description = "People by Learning Plan: one row per person, plan and milestone, with milestoneStatus, "
                    + "metric, unitsRequired (the person's adjusted units, else the plan's), unitsEarned (completed "
                    + "sessions or credits of the milestone's programs), dueDate, waived, adjusted, notes and metAt. "
                    + "Whether a milestone is met is learning-plan-service's decision, so enforced order holds. Sortable "
                    + "by personId, personName, planName, milestoneStatus, dueDate, unitsEarned; by personId, planName and "
                    + "milestone position unless asked." + FORMATS)
    @ReportAnswers
    @GetMapping("/reports/people-by-learning-plan")
    ResponseEntity<ReportPage> peopleByPlan(@ParameterObject PlanFilters plans,
            @Parameter(description = "Only milestones in this status; ELECTIVE milestones require nothing.",
                    schema = @Schema(type = "string",
                            allowableValues = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "WAIVED", "ELECTIVE"}))
            @RequestParam(required = false) @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|WAIVED|ELECTIVE",
                    message = "must be NOT_STARTED, IN_PROGRESS, COMPLETED, WAIVED or ELECTIVE") String milestoneStatus,
            @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = plans.filters();
        eq(f, "milestone_status", milestoneStatus);
        return run(Reports.PEOPLE_BY_PLAN, f, output, response);
    }

    @Tag(name = "Pass reports", description = "Training pass reports: each pass with its days left, utilisation "
            + "(enrollments made through it) and renewals, and passes counted by type, by account and by month. Pages "
            + "of JSON, or CSV and JSON exports of every row.")
    @Operation(summary = "Get the pass report",
            description = "One row per training pass: type, account, contact, status, issuedOn, expiresOn, daysLeft, "
                    + "enrollments made through it (whatever became of them) and renewals. Sortable by passType, "
                    + "accountName, status, issuedOn, expiresOn, enrollments, renewals; by expiresOn unless asked."
                    + FORMATS)
    @ReportAnswers
    @GetMapping("/reports/passes")
    ResponseEntity<ReportPage> passes(@Parameter(description = "Only passes of this pass type.") @RequestParam(required = false) UUID passTypeId,
            @Parameter(description = "Only passes of this account.") @RequestParam(required = false) UUID accountId,
            @Parameter(description = "Only passes whose contact is a member of this group now.")
            @RequestParam(required = false) UUID groupId,
            @Parameter(description = "Only passes in this status.",
                    schema = @Schema(type = "string", allowableValues = {"ACTIVE", "EXPIRED", "CANCELLED"}))
            @RequestParam(required = false) @Pattern(regexp = "ACTIVE|EXPIRED|CANCELLED",
                    message = "must be ACTIVE, EXPIRED or CANCELLED") String status,
            @Parameter(description = "Only active passes that expire within this many days from today (0 to 3650).")
            @RequestParam(required = false) @Min(0) @Max(3650) Integer expiringWithinDays,
            @Parameter(description = "Only passes issued on or after this date (ISO, e.g. 2026-01-01).")
            @RequestParam(required = false) LocalDate issuedFrom,
            @Parameter(description = "Only passes issued on or before this date (ISO); not before issuedFrom.")
            @RequestParam(required = false) LocalDate issuedTo,
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

    @Tag(name = "Pass reports")
    @Operation(summary = "Get the passes by type report",
            description = "One row per pass type and status: how many passes, over how many accounts. Sortable by "
                    + "passType, status, passes; by passType unless asked." + FORMATS)
    @ReportAnswers
    @GetMapping("/reports/passes/by-type")
    ResponseEntity<ReportPage> byType(@Parameter(description = "Only this pass type.") @RequestParam(required = false) UUID passTypeId,
            @Parameter(description = "Only passes in this status.",
                    schema = @Schema(type = "string", allowableValues = {"ACTIVE", "EXPIRED", "CANCELLED"}))
            @RequestParam(required = false) @Pattern(regexp = "ACTIVE|EXPIRED|CANCELLED",
                    message = "must be ACTIVE, EXPIRED or CANCELLED") String status,
            @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = new ArrayList<>();
        eq(f, "pass_type_id", passTypeId);
        eq(f, "status", status);
        return run(Reports.PASSES_BY_TYPE, f, output, response);
    }

    @Tag(name = "Pass reports")
    @Operation(summary = "Get the passes by account report",
            description = "One row per account: its active, expired and cancelled passes, the total, and the "
                    + "enrollments made through them. Sortable by accountName, active, total, enrollments; by accountName unless asked." + FORMATS)
    @ReportAnswers
    @GetMapping("/reports/passes/by-account")
    ResponseEntity<ReportPage> byAccount(@Parameter(description = "Only this account.") @RequestParam(required = false) UUID accountId,
            @ParameterObject Output output, HttpServletResponse response) throws IOException {
        List<Report.Filter> f = new ArrayList<>();
        eq(f, "account_id", accountId);
        return run(Reports.PASSES_BY_ACCOUNT, f, output, response);
    }

    @Tag(name = "Pass reports")
    @Operation(summary = "Get the pass changes report",
            description = "One row per month (UTC) and pass type: how many passes were issued, renewed, extended, "
                    + "cancelled and expired. Sortable by month, passType; by month unless asked." + FORMATS)
    @ReportAnswers
    @GetMapping("/reports/passes/changes")
    ResponseEntity<ReportPage> changes(@Parameter(description = "Only this pass type.") @RequestParam(required = false) UUID passTypeId,
            @Parameter(description = "From this month on, YYYY-MM (e.g. 2026-01).")
            @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month, YYYY-MM") String fromMonth,
            @Parameter(description = "Up to and including this month, YYYY-MM (e.g. 2026-12).")
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
