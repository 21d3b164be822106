package org.trainingsuite.learningplan.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

/**
 * Registration: the learner's workflow under {@code /me/learning-plans/{planId}} (the person is the token's
 * subject), and the admin's list and deletion under {@code /plans/{id}/registrations}.
 */
@RestController
@Tag(name = "Registration", description = "Registering for learning plans: the signed-in learner's workflow under "
        + "/me/learning-plans/{planId} (choose and complete for ENFORCED plans, enroll as you go for NON_ENFORCED ones, "
        + "Add to my learning and Remove), and the admin's list and deletion of a plan's registrations. Enrollments "
        + "belong to catalog-service: they are made and cancelled through it.")
class RegistrationController {

    private static final String WORKFLOW = "The registration workflow after the change.";
    private static final String CATALOG_DOWN = "catalog-service cannot answer right now. What was enrolled so far is "
            + "kept, and repeating the call finishes the rest; Retry-After says when to try again.";

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    record ChoiceRequest(
            @Schema(description = "A program linked to the milestone.", example = "8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f")
            @NotNull UUID programId,
            @Schema(description = "The session chosen; may be left out for a program with one session (it is picked "
                    + "for you), must be left out for an activity.", example = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")
            UUID sessionId) {
    }

    record ChoicesRequest(
            @Schema(description = "The programs (and sessions) chosen for the milestone, at most 500, each program once; "
                    + "together they must meet its requirement. They replace earlier choices not enrolled yet.")
            @NotNull @Size(max = 500) List<@Valid @NotNull ChoiceRequest> choices) {
    }

    record EnrollRequest(
            @Schema(description = "The milestone the program is linked to.", example = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d")
            @NotNull UUID milestoneId,
            @Schema(description = "The program to enroll on, linked to that milestone.",
                    example = "8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f")
            @NotNull UUID programId,
            @Schema(description = "The session to enroll on; may be left out for a program with one session, must be "
                    + "left out for an activity.", example = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")
            UUID sessionId) {
    }

    @Operation(summary = "Get my registration workflow",
            description = "The caller's registration for a plan they may register for (published, and assigned to "
                    + "them or offered in a catalog; any other plan is a 404): per milestone what it requires, whether "
                    + "it is auto-registered, the programs and sessions to choose from and what is chosen or enrolled. "
                    + "nextStep says what comes next: MILESTONE (with nextMilestoneId), REVIEW, DONE, ENROLL_AS_YOU_GO "
                    + "or NONE (registration disabled).")
    @ApiResponse(responseCode = "200", description = "The registration workflow.")
    @ApiResponse(responseCode = "409", description = "The plan is not open: it starts later or has ended.")
    @GetMapping("/me/learning-plans/{planId}/registration")
    RegistrationService.Workflow workflow(@PathVariable UUID planId, Authentication auth) {
        return registrations.workflow(planId, PlatformSecurity.personId(auth));
    }

    /** "Add to my learning". */
    @Operation(summary = "Add a plan to my learning",
            description = "Bookmarks a plan the caller may register for: starts their registration (reports show it "
                    + "as registration started, not as progress) and, if they were not assigned, gives them a SELF "
                    + "assignment so the plan shows in their plans. Only for plans that offer Add to my learning, never "
                    + "ENFORCED ones (409 otherwise); repeating it changes nothing.")
    @PostMapping("/me/learning-plans/{planId}/add")
    RegistrationService.Workflow add(@PathVariable UUID planId, Authentication auth) {
        return registrations.addToMyLearning(planId, PlatformSecurity.personId(auth));
    }

    /** "Remove": cancels the caller's registration; their enrollments stay. */
    @Operation(summary = "Remove a plan from my learning",
            description = "Cancels the caller's started or completed registration (404 if they have none). The "
                    + "enrollments it made stay theirs, to cancel in the catalog if they wish. They can register or add "
                    + "the plan again later, starting afresh.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/me/learning-plans/{planId}/registration")
    ResponseEntity<Void> remove(@PathVariable UUID planId, Authentication auth) {
        registrations.remove(planId, PlatformSecurity.personId(auth));
        return ResponseEntity.noContent().build();
    }

    /** ENFORCED: the programs (and sessions) chosen for one milestone. */
    @Operation(summary = "Choose programs for a milestone",
            description = "ENFORCED registration: sets what the caller chooses for one milestone, replacing earlier "
                    + "choices not enrolled yet, and starts their registration. The programs must be linked to the "
                    + "milestone and together meet its requirement (the caller's adjusted units count; a waived or "
                    + "elective milestone needs nothing), else 400. Nothing is enrolled until Complete; another "
                    + "registration type, or a registration completed already, is a 409.")
    @PutMapping("/me/learning-plans/{planId}/registration/milestones/{milestoneId}")
    RegistrationService.Workflow choose(@PathVariable UUID planId, @PathVariable UUID milestoneId,
            @Valid @RequestBody ChoicesRequest r, Authentication auth) {
        return registrations.choose(planId, PlatformSecurity.personId(auth), milestoneId,
                r.choices().stream().map(c -> new RegistrationService.Choice(c.programId(), c.sessionId())).toList());
    }

    /** ENFORCED: the review step's Complete, which enrolls and registers. */
    @Operation(summary = "Complete my registration",
            description = "ENFORCED registration, the review step: every milestone must be settled (chosen, "
                    + "auto-registered, waived or elective). Enrolls every choice through catalog-service, recording "
                    + "each as catalog confirms it, then registers the caller; an enrollment they had already counts "
                    + "and is marked as not made by the plan. A failure half-way leaves the registration STARTED for a "
                    + "repeat to finish; repeating after success changes nothing.")
    @ApiResponse(responseCode = "200", description = WORKFLOW)
    @ApiResponse(responseCode = "409", description = "Refused: the plan's registration is not ENFORCED, the plan is not "
            + "open, a milestone still needs a choice, the registration was removed or deleted meanwhile, or "
            + "catalog-service refused an enrollment (a full session, a closed program); `detail` says which.")
    @ApiResponse(responseCode = "503", description = CATALOG_DOWN)
    @PostMapping("/me/learning-plans/{planId}/registration/complete")
    RegistrationService.Workflow complete(@PathVariable UUID planId, Authentication auth) {
        return registrations.complete(planId, PlatformSecurity.personId(auth));
    }

    /** NON_ENFORCED: enroll on one program of a milestone, as you go. */
    @Operation(summary = "Enroll on a program as you go",
            description = "NON_ENFORCED registration: enrolls the caller, through catalog-service, on one program (and "
                    + "session) linked to a milestone; the first enrollment registers them. An enrollment they had "
                    + "already counts and is marked as not made by the plan.")
    @ApiResponse(responseCode = "200", description = WORKFLOW)
    @ApiResponse(responseCode = "409", description = "Refused: the plan's registration is not NON_ENFORCED, the plan "
            + "is not open, the program is not open for enrollment, the registration was removed or deleted meanwhile, "
            + "or catalog-service refused the enrollment (a full session); `detail` says which.")
    @ApiResponse(responseCode = "503", description = CATALOG_DOWN)
    @PostMapping("/me/learning-plans/{planId}/enrollments")
    RegistrationService.Workflow enroll(@PathVariable UUID planId, @Valid @RequestBody EnrollRequest r, Authentication auth) {
        return registrations.enrollAsYouGo(planId, PlatformSecurity.personId(auth), r.milestoneId(),
                new RegistrationService.Choice(r.programId(), r.sessionId()));
    }

    /** Registered people (not the assigned ones: see {@code /plans/{id}/assignments}). */
    @Operation(summary = "List the registrations of a plan",
            description = "Everyone with a registration in the plan, assigned or not, a page at a time in the order of "
                    + "their ids: status (STARTED, REGISTERED, CANCELLED, DELETED), when it started, was registered and "
                    + "ended, and how many enrollments it holds. The assigned people are a separate list.")
    @GetMapping("/plans/{id}/registrations")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<RegistrationService.Registrant> registrants(@PathVariable UUID id,
            @Parameter(description = "Only registrations in this status.",
                    schema = @Schema(type = "string", allowableValues = {"STARTED", "REGISTERED", "CANCELLED", "DELETED"}))
            @RequestParam(required = false) @Pattern(regexp = "STARTED|REGISTERED|CANCELLED|DELETED",
                    message = "must be STARTED, REGISTERED, CANCELLED or DELETED") String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(registrations.registrants(id, status, Paging.of(page, size, null, Set.of(), Sort.unsorted())),
                r -> r);
    }

    /** Deletes a person's registration: un-enrolls them from what the registration enrolled them on, nothing else. */
    @Operation(summary = "Delete the registration of a person",
            description = "Deletes a person's registration: cancels, through catalog-service, the enrollments the "
                    + "registration made, and keeps the others (ones the person had already, and completed ones: "
                    + "progress is never lost). A Complete still enrolling for them stops. Answers which enrollments "
                    + "were cancelled and which kept; the person can register again later.")
    @ApiResponse(responseCode = "200", description = "The registration is deleted: the enrollments cancelled and kept.")
    @ApiResponse(responseCode = "503", description = "catalog-service cannot answer right now. The cancellations made "
            + "so far are kept, and repeating the call carries on; Retry-After says when to try again.")
    @DeleteMapping("/plans/{id}/registrations/{personId}")
    @PreAuthorize("hasRole('ADMIN')")
    RegistrationService.Deletion delete(@PathVariable UUID id,
            @Parameter(description = "The person's directory id (the subject of their token).") @PathVariable String personId) {
        return registrations.delete(id, personId);
    }
}
