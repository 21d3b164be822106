package org.trainingsuite.catalog.program;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.persistence.Audited;

/** Something to learn: a course, an event, a learning path or an activity. */
@Entity
@Table(name = "program")
public class Program extends Audited {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ProgramType type;
    @Enumerated(EnumType.STRING)
    private Delivery delivery;
    private String title;
    private String description;
    private String objectives;
    private String category;
    private BigDecimal credits;
    private Integer accessDays;
    @Enumerated(EnumType.STRING)
    private ProgramStatus status;

    protected Program() {
    }

    /** What an admin edits. */
    public record Details(ProgramType type, Delivery delivery, String title, String description, String objectives,
                          String category, BigDecimal credits, Integer accessDays) {
    }

    public static Program draft(Details details, Instant now) {
        Program program = new Program();
        program.id = UUID.randomUUID();
        program.status = ProgramStatus.DRAFT;
        program.apply(details);
        program.created(now);
        return program;
    }

    public void edit(Details details, Instant now) {
        if (details.type() != type) {
            throw new ConflictException("the type of a program cannot change; create a new program");
        }
        apply(details);
        changed(now);
    }

    /** @return whether the status changed */
    public boolean publish(Instant now) {
        if (status == ProgramStatus.PUBLISHED) {
            return false;
        }
        status = ProgramStatus.PUBLISHED;
        changed(now);
        return true;
    }

    /** @return whether the status changed */
    public boolean archive(Instant now) {
        if (status == ProgramStatus.ARCHIVED) {
            return false;
        }
        status = ProgramStatus.ARCHIVED;
        changed(now);
        return true;
    }

    public void requireOpenForEnrollment() {
        if (status != ProgramStatus.PUBLISHED) {
            throw new ConflictException("program " + title + " is " + status + "; only published programs take enrollments");
        }
    }

    private void apply(Details d) {
        type = d.type();
        delivery = d.delivery();
        title = d.title();
        description = d.description();
        objectives = d.objectives();
        category = d.category();
        credits = d.credits() == null ? BigDecimal.ZERO : d.credits();
        accessDays = d.accessDays();
    }

    public UUID getId() {
        return id;
    }

    public ProgramType getType() {
        return type;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getObjectives() {
        return objectives;
    }

    public String getCategory() {
        return category;
    }

    public BigDecimal getCredits() {
        return credits;
    }

    public Integer getAccessDays() {
        return accessDays;
    }

    public ProgramStatus getStatus() {
        return status;
    }
}
