package org.trainingsuite.catalog.enrollment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

/** Enrollments and completions as administrators (and the services acting for them) manage them. */
@RestController
@Tag(name = "Enrollments", description = "Bookings of people on programs, each with where it came from (DIRECT, "
        + "LEARNING_PLAN or TRAINING_PASS), their completions, and the one answer to \"may this person open this "
        + "program, and why\". For a learner's own bookings, see \"My learning\".")
class EnrollmentController {

    private final EnrollmentService enrollments;
    private final AccessDecisions decisions;

    EnrollmentController(EnrollmentService enrollments, AccessDecisions decisions) {
        this.enrollments = enrollments;
        this.decisions = decisions;
    }

    record EnrollRequest(@Schema(description = "The person's id (their token subject, as in the directory)",
                                 example = "0b5e8f3a-6c2d-4e1f-9a7b-3c4d5e6f7a8b")
                         @NotBlank @Size(max = 64) String personId,
                         @Schema(description = "The program to book; it must be published",
                                 example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
                         @NotNull UUID programId,
                         @Schema(description = "The session to book: required for a course or event, refused for "
                                 + "other types", example = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
                         UUID sessionId,
                         @Schema(description = "Where the booking comes from: DIRECT, LEARNING_PLAN or TRAINING_PASS",
                                 example = "LEARNING_PLAN")
                         @NotNull EnrollmentSource source,
                         @Schema(description = "The learning plan's or training pass's id; required unless `source` "
                                 + "is DIRECT", example = "7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b")
                         @Size(max = 64) String sourceId) {
    }

    record CancelRequest(@Schema(description = "Why, kept on the enrollment and sent with its event",
                                 example = "Moved to the October session at the learner's request")
                         @Size(max = 500) String reason) {
    }

    record CompletionRequest(@Schema(description = "The person's id (their token subject, as in the directory)",
                                     example = "0b5e8f3a-6c2d-4e1f-9a7b-3c4d5e6f7a8b")
                             @NotBlank @Size(max = 64) String personId,
                             @Schema(description = "The program completed",
                                     example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
                             @NotNull UUID programId,
                             @Schema(description = "The session completed; when left out, the person's live enrollment "
                                     + "on the program, whatever its session",
                                     example = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
                             UUID sessionId,
                             @Schema(description = "Credits earned, an exact decimal with at most 2 fraction digits; "
                                     + "when left out, the session's (the program's for a program without sessions)",
                                     example = "1.5")
                             @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal credits,
                             @Schema(description = "When it was completed; now when left out",
                                     example = "2026-09-15T15:00:00Z")
                             Instant completedAt) {
    }

    @Operation(summary = "Enroll a person",
            description = "Books a person on a published program: on one of its sessions for a course or event (a "
                    + "seat is taken; bookings never exceed the capacity), on the program itself otherwise. A person "
                    + "has at most one live booking per session or activity: the same booking asked again (same "
                    + "`source` and `sourceId`, e.g. a retry) answers the enrollment already made; from another source "
                    + "it is a 409. Answers the enrollment, with its address in `Location`.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "The session is full, the person is already booked on it from "
            + "another source, or the program is not published; `detail` says which")
    @PostMapping("/enrollments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    ResponseEntity<EnrollmentView> enroll(@Valid @RequestBody EnrollRequest r) {
        Enrollment e = enrollments.enroll(r.personId().trim(), r.programId(), r.sessionId(), r.source(), r.sourceId());
        return ResponseEntity.created(URI.create("/enrollments/" + e.getId())).body(EnrollmentView.of(e));
    }

    @Operation(summary = "Read an enrollment",
            description = "An enrollment with its source and status: ENROLLED (live), COMPLETED, CANCELLED or REVOKED "
                    + "(its training pass was cancelled or moved to someone else), with the reason for the last two.")
    @GetMapping("/enrollments/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    EnrollmentView get(@PathVariable UUID id) {
        return EnrollmentView.of(enrollments.get(id));
    }

    @Operation(summary = "List the enrollments of a person",
            description = "One page of a person's enrollments of every status, the most recent first.")
    @GetMapping("/enrollments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    PageResponse<EnrollmentView> ofPerson(
            @Parameter(description = "The person's id (their token subject)") @RequestParam String personId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(enrollments.of(personId, Paging.of(page, size, null, Set.of(),
                Sort.by(Sort.Direction.DESC, "enrolledAt").and(Sort.by("id")))), EnrollmentView::of);
    }

    @Operation(summary = "Cancel an enrollment",
            description = "Cancels a live enrollment, whatever its source and delivery, and frees its seat; the body, "
                    + "with a reason, is optional. Cancelling a cancelled enrollment changes nothing; a completed or "
                    + "revoked one cannot be cancelled (409). Answers the enrollment.")
    @PostMapping("/enrollments/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    EnrollmentView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest r) {
        return EnrollmentView.of(enrollments.cancelByAdmin(id, r == null ? null : r.reason()));
    }

    /** Records a completion of a session or activity the person is enrolled on. */
    @Operation(summary = "Record a completion",
            description = "Records that a person completed a session or activity they are enrolled on, with the "
                    + "credits earned, and ends that enrollment (COMPLETED). Completions are never deleted: access "
                    + "revoked or expired later never removes progress. Answers the completed enrollment.")
    @ApiResponse(responseCode = "200", description = "The completion is recorded; the answer is the enrollment, now "
            + "COMPLETED")
    @ApiResponse(responseCode = "409", description = "The person has no live enrollment on that session (or, without "
            + "`sessionId`, on that program)")
    @PostMapping("/completions")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    EnrollmentView complete(@Valid @RequestBody CompletionRequest r) {
        return EnrollmentView.of(enrollments.complete(r.personId().trim(), r.programId(), r.sessionId(), r.credits(),
                r.completedAt()));
    }

    /** May this person open this program, and why. */
    @Operation(summary = "Decide access",
            description = "Whether a person may open a program now, and why. Every grant is listed with its source, "
                    + "id, end and whether it is active: a live or completed direct or learning-plan enrollment lasts "
                    + "the program's access days after enrolling, else until its session ends, else without end; an "
                    + "active training pass that includes the program lasts through its expiry date. The active grant "
                    + "lasting longest decides (no end beats any end): `decidedBy`, null when access is refused.")
    @GetMapping("/access-decisions")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    AccessDecisions.Decision decide(
            @Parameter(description = "The person's id (their token subject)") @RequestParam String personId,
            @RequestParam UUID programId) {
        return decisions.decide(personId, programId);
    }
}
