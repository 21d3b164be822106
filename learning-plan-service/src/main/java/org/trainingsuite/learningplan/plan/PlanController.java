package org.trainingsuite.learningplan.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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
class PlanController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    record PlanRequest(@NotBlank @Size(max = 200) String name, @Size(max = 20000) String description, Instant startsAt,
                       Instant endsAt, LocalDate dueDate, Boolean milestoneOrderEnforced,
                       @NotNull RegistrationType registrationType, Boolean autoRegister, Boolean addToMyLearning,
                       List<@NotNull UUID> catalogIds, Long version) {

        /** Flags left out are off. */
        Plan.Settings settings() {
            return new Plan.Settings(name.trim(), description, startsAt, endsAt, dueDate,
                    Boolean.TRUE.equals(milestoneOrderEnforced), registrationType, Boolean.TRUE.equals(autoRegister),
                    Boolean.TRUE.equals(addToMyLearning), catalogIds);
        }
    }

    record MilestoneRequest(@NotBlank @Size(max = 200) String name, @Size(max = 20000) String description,
                            @NotNull Metric metric, @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal unitsRequired,
                            LocalDate dueDate, Boolean programOrderEnforced) {

        Milestone.Spec spec() {
            return new Milestone.Spec(name.trim(), description, metric, unitsRequired, dueDate,
                    Boolean.TRUE.equals(programOrderEnforced));
        }
    }

    record ProgramsRequest(@NotEmpty @Size(max = 500) List<@NotNull UUID> programIds) {
    }

    record OrderRequest(@NotNull List<@NotNull UUID> ids) {
    }

    record DuplicateRequest(@NotNull Plan.DuplicateMode mode) {
    }

    record PlanResponse(UUID id, String name, String description, Instant startsAt, Instant endsAt, LocalDate dueDate,
                        boolean milestoneOrderEnforced, RegistrationType registrationType, boolean autoRegister,
                        boolean addToMyLearning, PlanStatus status, List<UUID> catalogIds,
                        List<PlanChanged.MilestoneView> milestones, long version) {

        static PlanResponse of(Plan p) {
            return new PlanResponse(p.getId(), p.getName(), p.getDescription(), p.getStartsAt(), p.getEndsAt(),
                    p.getDueDate(), p.isMilestoneOrderEnforced(), p.getRegistrationType(), p.isAutoRegister(),
                    p.isAddToMyLearning(), p.getStatus(), p.getCatalogIds(),
                    p.getMilestones().stream().map(PlanChanged.MilestoneView::of).toList(), p.getVersion());
        }
    }

    @PostMapping("/plans")
    ResponseEntity<PlanResponse> create(@Valid @RequestBody PlanRequest request) {
        Plan plan = plans.createPlan(request.settings());
        return ResponseEntity.created(URI.create("/plans/" + plan.getId())).body(PlanResponse.of(plan));
    }

    @GetMapping("/plans")
    PageResponse<PlanResponse> search(@RequestParam(required = false) String q, @RequestParam(required = false) PlanStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(plans.search(q, status, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                PlanResponse::of);
    }

    @GetMapping("/plans/{id}")
    PlanResponse get(@PathVariable UUID id) {
        return PlanResponse.of(plans.get(id));
    }

    @PutMapping("/plans/{id}")
    PlanResponse configure(@PathVariable UUID id, @Valid @RequestBody PlanRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "is required to change a plan");
        }
        return PlanResponse.of(plans.configure(id, request.settings(), request.version()));
    }

    @PostMapping("/plans/{id}/publish")
    PlanResponse publish(@PathVariable UUID id) {
        return PlanResponse.of(plans.publish(id));
    }

    @PostMapping("/plans/{id}/archive")
    PlanResponse archive(@PathVariable UUID id) {
        return PlanResponse.of(plans.archive(id));
    }

    /** A DRAFT copy: SHELL, SHELL_AND_MILESTONES or FULL (with linked programs). */
    @PostMapping("/plans/{id}/duplicate")
    ResponseEntity<PlanResponse> duplicate(@PathVariable UUID id, @Valid @RequestBody DuplicateRequest request) {
        Plan copy = plans.duplicate(id, request.mode());
        return ResponseEntity.created(URI.create("/plans/" + copy.getId())).body(PlanResponse.of(copy));
    }

    /** Per milestone: can it be registered for automatically, and why not. */
    @GetMapping("/plans/{id}/auto-registration")
    AutoRegistration.Report autoRegistration(@PathVariable UUID id) {
        return plans.autoRegistration(id);
    }

    @PostMapping("/plans/{id}/milestones")
    ResponseEntity<PlanChanged.MilestoneView> addMilestone(@PathVariable UUID id, @Valid @RequestBody MilestoneRequest request) {
        Milestone milestone = plans.addMilestone(id, request.spec());
        return ResponseEntity.created(URI.create("/plans/" + id + "/milestones/" + milestone.getId()))
                .body(PlanChanged.MilestoneView.of(milestone));
    }

    @PutMapping("/plans/{id}/milestones/{milestoneId}")
    PlanResponse editMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody MilestoneRequest request) {
        return PlanResponse.of(plans.editMilestone(id, milestoneId, request.spec()));
    }

    @DeleteMapping("/plans/{id}/milestones/{milestoneId}")
    PlanResponse removeMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId) {
        return PlanResponse.of(plans.removeMilestone(id, milestoneId));
    }

    @PutMapping("/plans/{id}/milestones/order")
    PlanResponse reorderMilestones(@PathVariable UUID id, @Valid @RequestBody OrderRequest request) {
        return PlanResponse.of(plans.reorderMilestones(id, request.ids()));
    }

    @PostMapping("/plans/{id}/milestones/{milestoneId}/programs")
    PlanResponse linkPrograms(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody ProgramsRequest request) {
        plans.linkPrograms(id, milestoneId, request.programIds());
        return PlanResponse.of(plans.get(id));
    }

    @DeleteMapping("/plans/{id}/milestones/{milestoneId}/programs/{programId}")
    PlanResponse unlinkProgram(@PathVariable UUID id, @PathVariable UUID milestoneId, @PathVariable UUID programId) {
        return PlanResponse.of(plans.unlinkProgram(id, milestoneId, programId));
    }

    /** The order of a milestone's programs (where program order is enforced, the order learners follow). */
    @PutMapping("/plans/{id}/milestones/{milestoneId}/programs/order")
    PlanResponse reorderPrograms(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody OrderRequest request) {
        return PlanResponse.of(plans.reorderPrograms(id, milestoneId, request.ids()));
    }
}
