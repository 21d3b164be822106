package org.trainingsuite.learningplan.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Learning plans", description = "Learning plans as an admin builds them: settings and registration rules, "
        + "milestones and the catalog programs linked to them, publishing, archiving and duplicating. A plan is a "
        + "DRAFT until published; only published plans are assigned or registered for.")
class PlanController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    record PlanRequest(
            @Schema(description = "The plan's name, shown to learners.", example = "New manager essentials")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "What the plan is about.",
                    example = "Six months of leadership training for people who took on a team this year.")
            @Size(max = 20000) String description,
            @Schema(description = "When the plan opens; before it, nobody can register. Optional.",
                    example = "2026-01-05T08:00:00Z")
            Instant startsAt,
            @Schema(description = "When the plan closes; after it, nobody can register. Must be after startsAt. Optional.",
                    example = "2027-06-30T17:00:00Z")
            Instant endsAt,
            @Schema(description = "The plan's due date, used for assignments that were given none of their own. Optional.",
                    example = "2027-06-30")
            LocalDate dueDate,
            @Schema(description = "Whether milestones must be met in order; left out is off.", example = "true")
            Boolean milestoneOrderEnforced,
            @Schema(description = "ENFORCED: the learner chooses for every milestone, then completes; NON_ENFORCED: "
                    + "learners enroll as they go; DISABLED: no registration, the plan is only visible.",
                    example = "ENFORCED")
            @NotNull RegistrationType registrationType,
            @Schema(description = "Register learners automatically where milestones qualify; only with ENFORCED "
                    + "registration. Left out is off.", example = "true")
            Boolean autoRegister,
            @Schema(description = "Offer \"Add to my learning\"; not with ENFORCED registration. Left out is off.",
                    example = "false")
            Boolean addToMyLearning,
            @Schema(description = "The catalogs that offer the plan; learners who were not assigned can register only "
                    + "for a plan offered in at least one catalog. Left out is none.",
                    example = "[\"3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d\"]")
            List<@NotNull UUID> catalogIds,
            @Schema(description = "The version of the plan as last read; required to change a plan (a stale one is a "
                    + "409), ignored on create.", example = "0")
            Long version) {

        /** Flags left out are off. */
        Plan.Settings settings() {
            return new Plan.Settings(name.trim(), description, startsAt, endsAt, dueDate,
                    Boolean.TRUE.equals(milestoneOrderEnforced), registrationType, Boolean.TRUE.equals(autoRegister),
                    Boolean.TRUE.equals(addToMyLearning), catalogIds);
        }
    }

    record MilestoneRequest(
            @Schema(description = "The milestone's name.", example = "Leading one-to-ones")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "What the milestone asks of learners.",
                    example = "Attend three sessions on running one-to-one meetings.")
            @Size(max = 20000) String description,
            @Schema(description = "What the milestone counts: SESSIONS attended, CREDITS earned, or NONE for an "
                    + "elective milestone that requires nothing.", example = "SESSIONS")
            @NotNull Metric metric,
            @Schema(description = "Units required: more than 0 for SESSIONS (a whole number) and CREDITS (at most 2 "
                    + "decimals); leave out for NONE.", example = "3")
            @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal unitsRequired,
            @Schema(description = "The milestone's due date; it raises no event of its own. Optional.",
                    example = "2027-03-31")
            LocalDate dueDate,
            @Schema(description = "Whether the milestone's programs are to be taken in order (stored and published, not "
                    + "enforced yet). Left out is off.", example = "false")
            Boolean programOrderEnforced) {

        Milestone.Spec spec() {
            return new Milestone.Spec(name.trim(), description, metric, unitsRequired, dueDate,
                    Boolean.TRUE.equals(programOrderEnforced));
        }
    }

    record ProgramsRequest(
            @Schema(description = "Published catalog programs to link, at most 500; ones linked already stay where they are.",
                    example = "[\"8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f\", \"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b\"]")
            @NotEmpty @Size(max = 500) List<@NotNull UUID> programIds) {
    }

    record OrderRequest(
            @Schema(description = "Every id of the list to reorder, each exactly once, in the new order.",
                    example = "[\"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b\", \"8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f\"]")
            @NotNull List<@NotNull UUID> ids) {
    }

    record DuplicateRequest(
            @Schema(description = "SHELL: the plan's settings only; SHELL_AND_MILESTONES: with its milestones; FULL: "
                    + "with its milestones and their linked programs.", example = "SHELL_AND_MILESTONES")
            @NotNull Plan.DuplicateMode mode) {
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

    @Operation(summary = "Create a learning plan",
            description = "Creates a DRAFT plan with the settings given and no milestones. autoRegister needs ENFORCED "
                    + "registration and addToMyLearning needs another type; flags left out are off. Answers the plan "
                    + "with its id and version, and its address in Location.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/plans")
    ResponseEntity<PlanResponse> create(@Valid @RequestBody PlanRequest request) {
        Plan plan = plans.createPlan(request.settings());
        return ResponseEntity.created(URI.create("/plans/" + plan.getId())).body(PlanResponse.of(plan));
    }

    @Operation(summary = "List learning plans",
            description = "Plans whose name contains q (case-insensitive), optionally of one status, a page at a time, "
                    + "with their milestones. Sortable by name or createdAt; by name unless asked.")
    @GetMapping("/plans")
    PageResponse<PlanResponse> search(
            @Parameter(description = "Text the plan's name contains, case-insensitive.") @RequestParam(required = false) String q,
            @Parameter(description = "Only plans in this status.") @RequestParam(required = false) PlanStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(plans.search(q, status, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                PlanResponse::of);
    }

    @Operation(summary = "Get a learning plan",
            description = "The plan's settings, status and version, with its milestones in order and the programs "
                    + "linked to each.")
    @GetMapping("/plans/{id}")
    PlanResponse get(@PathVariable UUID id) {
        return PlanResponse.of(plans.get(id));
    }

    @Operation(summary = "Change the settings of a learning plan",
            description = "Replaces the plan's settings (not its milestones) with those given, in any status; flags left "
                    + "out are off. The version last read is required: a stale one is a 409. A change to a published plan "
                    + "is announced to the other services.")
    @PutMapping("/plans/{id}")
    PlanResponse configure(@PathVariable UUID id, @Valid @RequestBody PlanRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "is required to change a plan");
        }
        return PlanResponse.of(plans.configure(id, request.settings(), request.version()));
    }

    @Operation(summary = "Publish a learning plan",
            description = "Makes the plan available for assignment and registration. A plan without a milestone is "
                    + "refused with a 409. Publishing a published plan changes nothing.")
    @PostMapping("/plans/{id}/publish")
    PlanResponse publish(@PathVariable UUID id) {
        return PlanResponse.of(plans.publish(id));
    }

    @Operation(summary = "Archive a learning plan",
            description = "Withdraws the plan: it is no longer assigned or registered for. Archiving an archived plan "
                    + "changes nothing.")
    @PostMapping("/plans/{id}/archive")
    PlanResponse archive(@PathVariable UUID id) {
        return PlanResponse.of(plans.archive(id));
    }

    /** A DRAFT copy: SHELL, SHELL_AND_MILESTONES or FULL (with linked programs). */
    @Operation(summary = "Duplicate a learning plan",
            description = "Makes a DRAFT copy named \"Copy of ...\" with a new id: the settings only (SHELL), with the "
                    + "milestones (SHELL_AND_MILESTONES), or with the milestones and their linked programs (FULL). "
                    + "Milestones get new ids; assignments and registrations are not copied. Answers the copy, and its "
                    + "address in Location.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/plans/{id}/duplicate")
    ResponseEntity<PlanResponse> duplicate(@PathVariable UUID id, @Valid @RequestBody DuplicateRequest request) {
        Plan copy = plans.duplicate(id, request.mode());
        return ResponseEntity.created(URI.create("/plans/" + copy.getId())).body(PlanResponse.of(copy));
    }

    /** Per milestone: can it be registered for automatically, and why not. */
    @Operation(summary = "Check auto-registration",
            description = "Per milestone, whether it qualifies for auto-registration and why not, judged against the "
                    + "catalog as this service knows it: SESSIONS needs exactly as many single-session programs as "
                    + "sessions required, CREDITS single-session programs whose credits add up exactly, NONE always "
                    + "qualifies. The plan offers it only with ENFORCED registration, autoRegister on and every "
                    + "milestone qualifying.")
    @GetMapping("/plans/{id}/auto-registration")
    AutoRegistration.Report autoRegistration(@PathVariable UUID id) {
        return plans.autoRegistration(id);
    }

    @Operation(summary = "Add a milestone",
            description = "Adds a milestone at the end of the plan's milestones. Sessions are counted in whole numbers, "
                    + "credits with at most 2 decimals. Answers the milestone, and its address in Location.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/plans/{id}/milestones")
    ResponseEntity<PlanChanged.MilestoneView> addMilestone(@PathVariable UUID id, @Valid @RequestBody MilestoneRequest request) {
        Milestone milestone = plans.addMilestone(id, request.spec());
        return ResponseEntity.created(URI.create("/plans/" + id + "/milestones/" + milestone.getId()))
                .body(PlanChanged.MilestoneView.of(milestone));
    }

    @Operation(summary = "Change a milestone",
            description = "Replaces the milestone's name, description, metric, units, due date and program order flag; "
                    + "its linked programs stay. A milestone that links activities cannot become a CREDITS one (409). "
                    + "Answers the whole plan.")
    @PutMapping("/plans/{id}/milestones/{milestoneId}")
    PlanResponse editMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody MilestoneRequest request) {
        return PlanResponse.of(plans.editMilestone(id, milestoneId, request.spec()));
    }

    @Operation(summary = "Remove a milestone",
            description = "Removes the milestone and its program links; the others move up. Answers the whole plan.")
    @DeleteMapping("/plans/{id}/milestones/{milestoneId}")
    PlanResponse removeMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId) {
        return PlanResponse.of(plans.removeMilestone(id, milestoneId));
    }

    @Operation(summary = "Reorder milestones",
            description = "Sets the order of the plan's milestones: ids must name each milestone of the plan exactly "
                    + "once. Where milestone order is enforced, this is the order learners meet them in. Answers the "
                    + "whole plan.")
    @PutMapping("/plans/{id}/milestones/order")
    PlanResponse reorderMilestones(@PathVariable UUID id, @Valid @RequestBody OrderRequest request) {
        return PlanResponse.of(plans.reorderMilestones(id, request.ids()));
    }

    @Operation(summary = "Link programs to a milestone",
            description = "Links catalog programs at the end of the milestone's list. Only programs the catalog has "
                    + "published can be linked (an unknown id is a 400 naming it), and activities only to SESSIONS or "
                    + "NONE milestones. A program linked already stays where it is. Answers the whole plan.")
    @PostMapping("/plans/{id}/milestones/{milestoneId}/programs")
    PlanResponse linkPrograms(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody ProgramsRequest request) {
        plans.linkPrograms(id, milestoneId, request.programIds());
        return PlanResponse.of(plans.get(id));
    }

    @Operation(summary = "Unlink a program from a milestone",
            description = "Removes the program from the milestone's list; the others move up. A program that was not "
                    + "linked changes nothing. Answers the whole plan.")
    @DeleteMapping("/plans/{id}/milestones/{milestoneId}/programs/{programId}")
    PlanResponse unlinkProgram(@PathVariable UUID id, @PathVariable UUID milestoneId, @PathVariable UUID programId) {
        return PlanResponse.of(plans.unlinkProgram(id, milestoneId, programId));
    }

    /** The order of a milestone's programs (where program order is enforced, the order learners follow). */
    @Operation(summary = "Reorder the programs of a milestone",
            description = "Sets the order of the milestone's linked programs: ids must name each linked program exactly "
                    + "once. Answers the whole plan.")
    @PutMapping("/plans/{id}/milestones/{milestoneId}/programs/order")
    PlanResponse reorderPrograms(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @Valid @RequestBody OrderRequest request) {
        return PlanResponse.of(plans.reorderPrograms(id, milestoneId, request.ids()));
    }
}
