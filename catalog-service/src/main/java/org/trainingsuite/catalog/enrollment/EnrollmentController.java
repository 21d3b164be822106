package org.trainingsuite.catalog.enrollment;

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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

/** Enrollments and completions as administrators (and the services acting for them) manage them. */
@RestController
class EnrollmentController {

    private final EnrollmentService enrollments;
    private final AccessDecisions decisions;

    EnrollmentController(EnrollmentService enrollments, AccessDecisions decisions) {
        this.enrollments = enrollments;
        this.decisions = decisions;
    }

    record EnrollRequest(@NotBlank @Size(max = 64) String personId, @NotNull UUID programId, UUID sessionId,
                         @NotNull EnrollmentSource source, @Size(max = 64) String sourceId) {
    }

    record CancelRequest(@Size(max = 500) String reason) {
    }

    record CompletionRequest(@NotBlank @Size(max = 64) String personId, @NotNull UUID programId, UUID sessionId,
                             @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal credits, Instant completedAt) {
    }

    @PostMapping("/enrollments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    ResponseEntity<EnrollmentView> enroll(@Valid @RequestBody EnrollRequest r) {
        Enrollment e = enrollments.enroll(r.personId().trim(), r.programId(), r.sessionId(), r.source(), r.sourceId());
        return ResponseEntity.created(URI.create("/enrollments/" + e.getId())).body(EnrollmentView.of(e));
    }

    @GetMapping("/enrollments/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    EnrollmentView get(@PathVariable UUID id) {
        return EnrollmentView.of(enrollments.get(id));
    }

    @GetMapping("/enrollments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    PageResponse<EnrollmentView> ofPerson(@RequestParam String personId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(enrollments.of(personId, Paging.of(page, size, null, Set.of(),
                Sort.by(Sort.Direction.DESC, "enrolledAt").and(Sort.by("id")))), EnrollmentView::of);
    }

    @PostMapping("/enrollments/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    EnrollmentView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest r) {
        return EnrollmentView.of(enrollments.cancelByAdmin(id, r == null ? null : r.reason()));
    }

    /** Records a completion of a session or activity the person is enrolled on. */
    @PostMapping("/completions")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    EnrollmentView complete(@Valid @RequestBody CompletionRequest r) {
        return EnrollmentView.of(enrollments.complete(r.personId().trim(), r.programId(), r.sessionId(), r.credits(),
                r.completedAt()));
    }

    /** May this person open this program, and why. */
    @GetMapping("/access-decisions")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    AccessDecisions.Decision decide(@RequestParam String personId, @RequestParam UUID programId) {
        return decisions.decide(personId, programId);
    }
}
