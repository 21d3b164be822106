package org.trainingsuite.learningplan.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.persistence.Audited;

/**
 * A learning plan: a curriculum of milestones made of catalog programs, with its registration rules.
 *
 * <p>Rules: auto-registration only with ENFORCED registration; "add to my learning" only when
 * registration is not ENFORCED; an end after the start; a plan is published only with at least one
 * milestone.
 */
@Entity
@Table(name = "plan")
public class Plan extends Audited {

    @Id
    private UUID id;
    private String name;
    private String description;
    private Instant startsAt;
    private Instant endsAt;
    private LocalDate dueDate;
    private boolean milestoneOrderEnforced;
    @Enumerated(EnumType.STRING)
    private RegistrationType registrationType;
    private boolean autoRegister;
    private boolean addToMyLearning;
    @Enumerated(EnumType.STRING)
    private PlanStatus status;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "catalog_ids", columnDefinition = "uuid[]")
    private UUID[] catalogIds = new UUID[0];
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "plan_id", nullable = false)
    @OrderBy("position")
    @Fetch(FetchMode.SUBSELECT)
    private List<Milestone> milestones = new ArrayList<>();

    protected Plan() {
    }

    /** What an admin sets on a plan. */
    public record Settings(String name, String description, Instant startsAt, Instant endsAt, LocalDate dueDate,
                           boolean milestoneOrderEnforced, RegistrationType registrationType, boolean autoRegister,
                           boolean addToMyLearning, List<UUID> catalogIds) {

        public Settings {
            if (registrationType == null) {
                throw new InvalidInputException("registrationType", "must be ENFORCED, NON_ENFORCED or DISABLED");
            }
            if (autoRegister && registrationType != RegistrationType.ENFORCED) {
                throw new InvalidInputException("autoRegister", "is only possible with ENFORCED registration");
            }
            if (addToMyLearning && registrationType == RegistrationType.ENFORCED) {
                throw new InvalidInputException("addToMyLearning", "is only possible when registration is not ENFORCED");
            }
            if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
                throw new InvalidInputException("endsAt", "must be after startsAt");
            }
            catalogIds = catalogIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(catalogIds));
        }
    }

    /** How much of a plan a duplicate takes. */
    public enum DuplicateMode {
        /** The plan's settings only. */
        SHELL,
        /** Settings and milestones, without their linked programs. */
        SHELL_AND_MILESTONES,
        /** Settings, milestones and their linked programs. */
        FULL
    }

    public static Plan draft(Settings settings, Instant now) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.status = PlanStatus.DRAFT;
        plan.apply(settings);
        plan.created(now);
        return plan;
    }

    /** A DRAFT copy with a new id; the copy's name says it is one. */
    public Plan duplicate(DuplicateMode mode, Instant now) {
        Plan copy = draft(new Settings("Copy of " + name, description, startsAt, endsAt, dueDate, milestoneOrderEnforced,
                registrationType, autoRegister, addToMyLearning, List.of(catalogIds)), now);
        if (mode != DuplicateMode.SHELL) {
            milestones.forEach(m -> copy.milestones.add(m.copy(mode == DuplicateMode.FULL)));
        }
        return copy;
    }

    public void configure(Settings settings, Instant now) {
        apply(settings);
        changed(now);
    }

    public Milestone addMilestone(Milestone.Spec spec, Instant now) {
        Milestone milestone = new Milestone(spec, milestones.size());
        milestones.add(milestone);
        changed(now);
        return milestone;
    }

    public void editMilestone(UUID milestoneId, Milestone.Spec spec, Set<UUID> linkedActivities, Instant now) {
        milestone(milestoneId).apply(spec, linkedActivities);
        changed(now);
    }

    public void removeMilestone(UUID milestoneId, Instant now) {
        milestones.remove(milestone(milestoneId));
        for (int i = 0; i < milestones.size(); i++) {
            milestones.get(i).moveTo(i);
        }
        changed(now);
    }

    /** Sets the order of the milestones; {@code order} must name each milestone once. */
    public void reorderMilestones(List<UUID> order, Instant now) {
        Set<UUID> current = new HashSet<>(milestones.stream().map(Milestone::getId).toList());
        if (order.size() != milestones.size() || !new HashSet<>(order).equals(current)) {
            throw new InvalidInputException("milestoneIds", "must list each milestone of the plan exactly once");
        }
        milestones.forEach(m -> m.moveTo(order.indexOf(m.getId())));
        milestones.sort(Comparator.comparingInt(Milestone::getPosition));
        changed(now);
    }

    public List<UUID> linkPrograms(UUID milestoneId, List<UUID> programIds, Set<UUID> activityIds, Instant now) {
        List<UUID> added = milestone(milestoneId).link(programIds, activityIds);
        changed(now);
        return added;
    }

    public boolean unlinkProgram(UUID milestoneId, UUID programId, Instant now) {
        boolean removed = milestone(milestoneId).unlink(programId);
        changed(now);
        return removed;
    }

    public void reorderPrograms(UUID milestoneId, List<UUID> order, Instant now) {
        milestone(milestoneId).reorder(order);
        changed(now);
    }

    /** @return whether the status changed */
    public boolean publish(Instant now) {
        if (status == PlanStatus.PUBLISHED) {
            return false;
        }
        if (milestones.isEmpty()) {
            throw new ConflictException("plan " + name + " cannot be published without a milestone");
        }
        status = PlanStatus.PUBLISHED;
        changed(now);
        return true;
    }

    /** @return whether the status changed */
    public boolean archive(Instant now) {
        if (status == PlanStatus.ARCHIVED) {
            return false;
        }
        status = PlanStatus.ARCHIVED;
        changed(now);
        return true;
    }

    public Milestone milestone(UUID milestoneId) {
        return milestones.stream().filter(m -> m.getId().equals(milestoneId)).findFirst()
                .orElseThrow(() -> NotFoundException.of("milestone", milestoneId + " of plan " + id));
    }

    private void apply(Settings s) {
        name = s.name();
        description = s.description();
        startsAt = s.startsAt();
        endsAt = s.endsAt();
        dueDate = s.dueDate();
        milestoneOrderEnforced = s.milestoneOrderEnforced();
        registrationType = s.registrationType();
        autoRegister = s.autoRegister();
        addToMyLearning = s.addToMyLearning();
        catalogIds = s.catalogIds().toArray(UUID[]::new);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public boolean isMilestoneOrderEnforced() {
        return milestoneOrderEnforced;
    }

    public RegistrationType getRegistrationType() {
        return registrationType;
    }

    public boolean isAutoRegister() {
        return autoRegister;
    }

    public boolean isAddToMyLearning() {
        return addToMyLearning;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public List<UUID> getCatalogIds() {
        return List.of(catalogIds);
    }

    public List<Milestone> getMilestones() {
        return List.copyOf(milestones);
    }
}
