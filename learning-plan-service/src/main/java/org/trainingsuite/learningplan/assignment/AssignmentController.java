package org.trainingsuite.learningplan.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Assignments", description = "Assigning published learning plans to people and groups, listing who is "
        + "assigned, and setting one person's status on a milestone. One assignment per person and plan: whoever has "
        + "the plan keeps it, and group assignments stay live as members join.")
class AssignmentController {

    private final AssignmentService assignments;

    AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    /** Either people or one group. */
    @Schema(description = "Whom to assign: either personIds or a groupId, not both.",
            example = "{\"personIds\": [\"a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d\", \"7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a\"], "
                    + "\"dueDate\": \"2027-03-31\"}")
    record AssignRequest(
            @Schema(description = "The people to assign (their directory ids); leave out when assigning a group.",
                    example = "[\"a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d\", \"7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a\"]")
            List<@NotBlank @Size(max = 64) String> personIds,
            @Schema(description = "The group to assign: its members now and whoever joins later; leave out when "
                    + "assigning people.", example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
            UUID groupId,
            @Schema(description = "The due date for this assignment; it wins over the plan's. Optional.",
                    example = "2027-03-31")
            LocalDate dueDate) {
    }

    record MilestoneStatusRequest(
            @Schema(description = "NO_ACTION clears an earlier status; WAIVED: the milestone no longer applies to the "
                    + "person and counts as met; ADJUSTED: different units required or due date (at least one of them).",
                    example = "ADJUSTED", allowableValues = {"NO_ACTION", "WAIVED", "ADJUSTED"})
            @NotNull @Pattern(regexp = "NO_ACTION|WAIVED|ADJUSTED", message = "must be NO_ACTION, WAIVED or ADJUSTED") String status,
            @Schema(description = "ADJUSTED: the units this person needs instead of the milestone's (whole sessions, or "
                    + "credits with at most 2 decimals).", example = "2")
            @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal unitsRequired,
            @Schema(description = "ADJUSTED: this person's due date for the milestone.", example = "2027-04-30")
            LocalDate dueDate,
            @Schema(description = "Why, for the record.", example = "Joined the team in March; one session fewer agreed.")
            @Size(max = 2000) String notes) {
    }

    @Operation(summary = "Assign a plan to people or a group",
            description = "Assigns a published plan (409 otherwise) to the people listed, or to a group: its members "
                    + "now, 1000 at a time whatever its size, and anyone who joins later. Whoever has the plan already "
                    + "keeps their assignment, due date and requirements and is reported as a conflict, never changed "
                    + "(someone who only registered themselves is assigned for real instead); a group assigned to the "
                    + "plan already is a 409. Answers how many were assigned, how many conflicted, and the first 100 "
                    + "conflicts with the reason.")
    @PostMapping("/plans/{id}/assignments")
    AssignmentService.Result assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request) {
        boolean people = request.personIds() != null && !request.personIds().isEmpty();
        if (people == (request.groupId() != null)) {
            throw new InvalidInputException("personIds", "give either personIds or a groupId");
        }
        return people ? assignments.assignPeople(id, request.personIds(), request.dueDate())
                : assignments.assignGroup(id, request.groupId(), request.dueDate());
    }

    @Operation(summary = "List the people assigned to a plan",
            description = "The people an admin assigned, a page at a time in the order of their ids: how (PERSON or "
                    + "GROUP), the group, whether the assignment is individual, the due date and when assigned. People "
                    + "who registered without being assigned are in the registrations list instead.")
    @GetMapping("/plans/{id}/assignments")
    PageResponse<AssignmentService.Assignee> assigned(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(assignments.assigned(id, Paging.of(page, size, null, Set.of(), Sort.unsorted())), a -> a);
    }

    /** A person's status on a milestone; for a group-assigned person this makes the assignment individual. */
    @Operation(summary = "Set the milestone status of a person",
            description = "Sets one assigned person's status on one milestone: NO_ACTION, WAIVED, or ADJUSTED with new "
                    + "units required or a new due date (at least one). Progress is judged again at once. For a "
                    + "group-assigned person this makes the assignment individual (madeIndividual in the answer): later "
                    + "group changes no longer apply to them.")
    @PutMapping("/plans/{id}/assignments/{personId}/milestones/{milestoneId}")
    AssignmentService.StatusChange milestoneStatus(@PathVariable UUID id,
            @Parameter(description = "The person's directory id (the subject of their token).") @PathVariable String personId,
            @PathVariable UUID milestoneId, @Valid @RequestBody MilestoneStatusRequest r) {
        return assignments.setMilestoneStatus(id, personId, milestoneId, r.status(), r.unitsRequired(), r.dueDate(), r.notes());
    }
}
