package org.trainingsuite.learningplan.assignment;

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
class AssignmentController {

    private final AssignmentService assignments;

    AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    /** Either people or one group. */
    record AssignRequest(List<@NotBlank @Size(max = 64) String> personIds, UUID groupId, LocalDate dueDate) {
    }

    record MilestoneStatusRequest(
            @NotNull @Pattern(regexp = "NO_ACTION|WAIVED|ADJUSTED", message = "must be NO_ACTION, WAIVED or ADJUSTED") String status,
            @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal unitsRequired, LocalDate dueDate,
            @Size(max = 2000) String notes) {
    }

    @PostMapping("/plans/{id}/assignments")
    AssignmentService.Result assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request) {
        boolean people = request.personIds() != null && !request.personIds().isEmpty();
        if (people == (request.groupId() != null)) {
            throw new InvalidInputException("personIds", "give either personIds or a groupId");
        }
        return people ? assignments.assignPeople(id, request.personIds(), request.dueDate())
                : assignments.assignGroup(id, request.groupId(), request.dueDate());
    }

    @GetMapping("/plans/{id}/assignments")
    PageResponse<AssignmentService.Assignee> assigned(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(assignments.assigned(id, Paging.of(page, size, null, Set.of(), Sort.unsorted())), a -> a);
    }

    /** A person's status on a milestone; for a group-assigned person this makes the assignment individual. */
    @PutMapping("/plans/{id}/assignments/{personId}/milestones/{milestoneId}")
    AssignmentService.StatusChange milestoneStatus(@PathVariable UUID id, @PathVariable String personId,
            @PathVariable UUID milestoneId, @Valid @RequestBody MilestoneStatusRequest r) {
        return assignments.setMilestoneStatus(id, personId, milestoneId, r.status(), r.unitsRequired(), r.dueDate(), r.notes());
    }
}
