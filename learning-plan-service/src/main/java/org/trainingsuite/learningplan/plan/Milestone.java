package org.trainingsuite.learningplan.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;

/** A step of a plan: what it counts, how much is required, by when, and the programs that count. */
@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    private UUID id;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private Metric metric;
    private BigDecimal unitsRequired;
    private LocalDate dueDate;
    private boolean programOrderEnforced;
    private int position;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "milestone_id", nullable = false)
    @OrderBy("position")
    @Fetch(FetchMode.SUBSELECT)
    private List<MilestoneItem> items = new ArrayList<>();

    protected Milestone() {
    }

    /** What an admin sets on a milestone. */
    public record Spec(String name, String description, Metric metric, BigDecimal unitsRequired, LocalDate dueDate,
                       boolean programOrderEnforced) {

        public Spec {
            if (metric == null) {
                throw new InvalidInputException("metric", "must be SESSIONS, CREDITS or NONE");
            }
            BigDecimal units = unitsRequired == null ? BigDecimal.ZERO : unitsRequired;
            if (metric != Metric.NONE && units.signum() <= 0) {
                throw new InvalidInputException("unitsRequired", "must be greater than 0 for a " + metric + " milestone");
            }
            if (metric == Metric.SESSIONS && units.stripTrailingZeros().scale() > 0) {
                throw new InvalidInputException("unitsRequired", "sessions are counted in whole numbers");
            }
            unitsRequired = units;
        }
    }

    Milestone(Spec spec, int position) {
        this.id = UUID.randomUUID();
        this.position = position;
        apply(spec, java.util.Set.of());
    }

    /** A copy with a new id, with or without its linked programs. */
    Milestone copy(boolean withItems) {
        Milestone copy = new Milestone(new Spec(name, description, metric, unitsRequired, dueDate, programOrderEnforced), position);
        if (withItems) {
            items.forEach(item -> copy.items.add(new MilestoneItem(item.getProgramId(), item.getPosition())));
        }
        return copy;
    }

    /** @param linkedActivities which linked items are activities (a CREDITS milestone cannot hold them) */
    void apply(Spec spec, java.util.Set<UUID> linkedActivities) {
        if (spec.metric() == Metric.CREDITS && items.stream().anyMatch(i -> linkedActivities.contains(i.getProgramId()))) {
            throw new ConflictException("milestone " + name + " links activities, which a CREDITS milestone cannot hold");
        }
        name = spec.name();
        description = spec.description();
        metric = spec.metric();
        unitsRequired = spec.unitsRequired();
        dueDate = spec.dueDate();
        programOrderEnforced = spec.programOrderEnforced();
    }

    /**
     * Links programs at the end of the list. Activities only where the metric is SESSIONS or NONE; a
     * program already linked stays where it is.
     *
     * @param activityIds which of {@code programIds} are activities
     * @return the ids newly linked
     */
    List<UUID> link(List<UUID> programIds, java.util.Set<UUID> activityIds) {
        if (metric == Metric.CREDITS && programIds.stream().anyMatch(activityIds::contains)) {
            throw new InvalidInputException("programIds", "activities can only be linked to a SESSIONS or NONE milestone");
        }
        List<UUID> added = new ArrayList<>();
        for (UUID programId : programIds) {
            if (items.stream().noneMatch(i -> i.getProgramId().equals(programId)) && !added.contains(programId)) {
                items.add(new MilestoneItem(programId, items.size()));
                added.add(programId);
            }
        }
        return added;
    }

    /** @return whether the program was linked */
    boolean unlink(UUID programId) {
        boolean removed = items.removeIf(i -> i.getProgramId().equals(programId));
        renumber();
        return removed;
    }

    /** Sets the order of the linked programs; {@code order} must name each linked program once. */
    void reorder(List<UUID> order) {
        List<UUID> current = programIds();
        if (order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))) {
            throw new InvalidInputException("programIds", "must list each linked program exactly once: " + current);
        }
        for (MilestoneItem item : items) {
            item.moveTo(order.indexOf(item.getProgramId()));
        }
        items.sort(Comparator.comparingInt(MilestoneItem::getPosition));
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    private void renumber() {
        for (int i = 0; i < items.size(); i++) {
            items.get(i).moveTo(i);
        }
    }

    public List<UUID> programIds() {
        return items.stream().map(MilestoneItem::getProgramId).toList();
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

    public Metric getMetric() {
        return metric;
    }

    public BigDecimal getUnitsRequired() {
        return unitsRequired;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public boolean isProgramOrderEnforced() {
        return programOrderEnforced;
    }

    public int getPosition() {
        return position;
    }
}
