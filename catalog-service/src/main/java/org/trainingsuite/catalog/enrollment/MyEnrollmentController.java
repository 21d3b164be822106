package org.trainingsuite.catalog.enrollment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

/** A learner's own enrollments; the person is always the token's subject. */
@RestController
@Tag(name = "My learning", description = "The caller's own bookings and access: the person is always the subject of "
        + "the bearer token, so nobody books or cancels for someone else here. Items included in an active training "
        + "pass of the caller are booked with Access Now, without payment.")
class MyEnrollmentController {

    private final EnrollmentService enrollments;
    private final AccessNow accessNow;
    private final AccessDecisions decisions;

    MyEnrollmentController(EnrollmentService enrollments, AccessNow accessNow, AccessDecisions decisions) {
        this.enrollments = enrollments;
        this.accessNow = accessNow;
        this.decisions = decisions;
    }

    record AccessNowRequest(@Schema(description = "The program to book; it must be published and included in an "
                                    + "active training pass of the caller",
                                    example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
                            @NotNull UUID programId,
                            @Schema(description = "The session to book: required for a course or event, refused for "
                                    + "other types", example = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
                            UUID sessionId) {
    }

    @Operation(summary = "List my enrollments",
            description = "One page of the caller's enrollments of every status, the most recent first.")
    @GetMapping("/me/enrollments")
    PageResponse<EnrollmentView> mine(Authentication auth, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(enrollments.of(PlatformSecurity.personId(auth), Paging.of(page, size, null, Set.of(),
                Sort.by(Sort.Direction.DESC, "enrolledAt").and(Sort.by("id")))), EnrollmentView::of);
    }

    /** Books an item included in an active pass of the caller, without payment. */
    @Operation(summary = "Book with Access Now",
            description = "Books an item included in an active training pass of the caller, without payment. "
                    + "training-pass-service is asked at that moment, with the caller's own token, which pass of theirs "
                    + "includes the item; the booking is made through that pass (`source` TRAINING_PASS, `sourceId` "
                    + "the pass) with the usual sessions, seats and access, and is revoked if the pass is cancelled. "
                    + "Asking again for the same booking answers the enrollment already made.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "No active pass of the caller includes the item, or the pass has "
            + "been cancelled; or the program is not published, the session is full, or the caller is already booked "
            + "on it otherwise. `detail` says which")
    @ApiResponse(responseCode = "503", description = "training-pass-service could not confirm the pass in time (or is "
            + "known to be down); nothing was booked. Try again after `Retry-After` seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(implementation = Integer.class)))
    @PostMapping("/me/enrollments/access-now")
    ResponseEntity<EnrollmentView> accessNow(@Valid @RequestBody AccessNowRequest r, JwtAuthenticationToken auth) {
        Enrollment e = accessNow.book(PlatformSecurity.personId(auth), auth.getToken().getTokenValue(), r.programId(),
                r.sessionId());
        return ResponseEntity.created(URI.create("/me/enrollments/" + e.getId())).body(EnrollmentView.of(e));
    }

    /** Cancels one's own LMS enrollment made through a pass; others are refused with the reason. */
    @Operation(summary = "Cancel my enrollment",
            description = "Cancels one of the caller's own live enrollments, if it was made through a training pass "
                    + "and is delivered online (LMS); its seat is freed. Someone else's enrollment is a 404. Answers "
                    + "the enrollment, now CANCELLED.")
    @ApiResponse(responseCode = "200", description = "Cancelled; the answer is the enrollment")
    @ApiResponse(responseCode = "409", description = "Not the caller's to cancel: it was not made through a training "
            + "pass (an admin cancels it), or it is a classroom or blended one (a seat and a trainer are committed: "
            + "support cancels it), or it is completed or revoked. `detail` gives the reason")
    @PostMapping("/me/enrollments/{id}/cancel")
    EnrollmentView cancel(@PathVariable UUID id, Authentication auth) {
        return EnrollmentView.of(enrollments.cancelByLearner(id, PlatformSecurity.personId(auth)));
    }

    @Operation(summary = "Decide my access",
            description = "Whether the caller may open a program now, and why, by the same rules as "
                    + "`GET /access-decisions`: every grant (enrollment or active training pass) with its end, and the "
                    + "active one lasting longest in `decidedBy`.")
    @GetMapping("/me/access-decisions")
    AccessDecisions.Decision decide(@RequestParam UUID programId, Authentication auth) {
        return decisions.decide(PlatformSecurity.personId(auth), programId);
    }
}
