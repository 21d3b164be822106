package org.trainingsuite.catalog.enrollment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

/** A learner's own enrollments; the person is always the token's subject. */
@RestController
class MyEnrollmentController {

    private final EnrollmentService enrollments;
    private final AccessNow accessNow;
    private final AccessDecisions decisions;

    MyEnrollmentController(EnrollmentService enrollments, AccessNow accessNow, AccessDecisions decisions) {
        this.enrollments = enrollments;
        this.accessNow = accessNow;
        this.decisions = decisions;
    }

    record AccessNowRequest(@NotNull UUID programId, UUID sessionId) {
    }

    @GetMapping("/me/enrollments")
    PageResponse<EnrollmentView> mine(Authentication auth, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(enrollments.of(PlatformSecurity.personId(auth), Paging.of(page, size, null, Set.of(),
                Sort.by(Sort.Direction.DESC, "enrolledAt").and(Sort.by("id")))), EnrollmentView::of);
    }

    /** Books an item included in an active pass of the caller, without payment. */
    @PostMapping("/me/enrollments/access-now")
    ResponseEntity<EnrollmentView> accessNow(@Valid @RequestBody AccessNowRequest r, JwtAuthenticationToken auth) {
        Enrollment e = accessNow.book(PlatformSecurity.personId(auth), auth.getToken().getTokenValue(), r.programId(),
                r.sessionId());
        return ResponseEntity.created(URI.create("/me/enrollments/" + e.getId())).body(EnrollmentView.of(e));
    }

    /** Cancels one's own LMS enrollment made through a pass; others are refused with the reason. */
    @PostMapping("/me/enrollments/{id}/cancel")
    EnrollmentView cancel(@PathVariable UUID id, Authentication auth) {
        return EnrollmentView.of(enrollments.cancelByLearner(id, PlatformSecurity.personId(auth)));
    }

    @GetMapping("/me/access-decisions")
    AccessDecisions.Decision decide(@RequestParam UUID programId, Authentication auth) {
        return decisions.decide(PlatformSecurity.personId(auth), programId);
    }
}
