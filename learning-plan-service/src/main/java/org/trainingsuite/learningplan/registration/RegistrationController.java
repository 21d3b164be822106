package org.trainingsuite.learningplan.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

/**
 * Registration: the learner's workflow under {@code /me/learning-plans/{planId}} (the person is the token's
 * subject), and the admin's list and deletion under {@code /plans/{id}/registrations}.
 */
@RestController
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    record ChoiceRequest(@NotNull UUID programId, UUID sessionId) {
    }

    record ChoicesRequest(@NotNull @Size(max = 500) List<@Valid @NotNull ChoiceRequest> choices) {
    }

    record EnrollRequest(@NotNull UUID milestoneId, @NotNull UUID programId, UUID sessionId) {
    }

    @GetMapping("/me/learning-plans/{planId}/registration")
    RegistrationService.Workflow workflow(@PathVariable UUID planId, Authentication auth) {
        return registrations.workflow(planId, PlatformSecurity.personId(auth));
    }

    /** "Add to my learning". */
    @PostMapping("/me/learning-plans/{planId}/add")
    RegistrationService.Workflow add(@PathVariable UUID planId, Authentication auth) {
        return registrations.addToMyLearning(planId, PlatformSecurity.personId(auth));
    }

    /** "Remove": cancels the caller's registration; their enrollments stay. */
    @DeleteMapping("/me/learning-plans/{planId}/registration")
    ResponseEntity<Void> remove(@PathVariable UUID planId, Authentication auth) {
        registrations.remove(planId, PlatformSecurity.personId(auth));
        return ResponseEntity.noContent().build();
    }

    /** ENFORCED: the programs (and sessions) chosen for one milestone. */
    @PutMapping("/me/learning-plans/{planId}/registration/milestones/{milestoneId}")
    RegistrationService.Workflow choose(@PathVariable UUID planId, @PathVariable UUID milestoneId,
            @Valid @RequestBody ChoicesRequest r, Authentication auth) {
        return registrations.choose(planId, PlatformSecurity.personId(auth), milestoneId,
                r.choices().stream().map(c -> new RegistrationService.Choice(c.programId(), c.sessionId())).toList());
    }

    /** ENFORCED: the review step's Complete, which enrolls and registers. */
    @PostMapping("/me/learning-plans/{planId}/registration/complete")
    RegistrationService.Workflow complete(@PathVariable UUID planId, Authentication auth) {
        return registrations.complete(planId, PlatformSecurity.personId(auth));
    }

    /** NON_ENFORCED: enroll on one program of a milestone, as you go. */
    @PostMapping("/me/learning-plans/{planId}/enrollments")
    RegistrationService.Workflow enroll(@PathVariable UUID planId, @Valid @RequestBody EnrollRequest r, Authentication auth) {
        return registrations.enrollAsYouGo(planId, PlatformSecurity.personId(auth), r.milestoneId(),
                new RegistrationService.Choice(r.programId(), r.sessionId()));
    }

    /** Registered people (not the assigned ones: see {@code /plans/{id}/assignments}). */
    @GetMapping("/plans/{id}/registrations")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<RegistrationService.Registrant> registrants(@PathVariable UUID id,
            @RequestParam(required = false) @Pattern(regexp = "STARTED|REGISTERED|CANCELLED|DELETED",
                    message = "must be STARTED, REGISTERED, CANCELLED or DELETED") String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(registrations.registrants(id, status, Paging.of(page, size, null, Set.of(), Sort.unsorted())),
                r -> r);
    }

    /** Deletes a person's registration: un-enrolls them from what the registration enrolled them on, nothing else. */
    @DeleteMapping("/plans/{id}/registrations/{personId}")
    @PreAuthorize("hasRole('ADMIN')")
    RegistrationService.Deletion delete(@PathVariable UUID id, @PathVariable String personId) {
        return registrations.delete(id, personId);
    }
}
