package org.trainingsuite.learningplan.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A catalog program (or activity) linked to a milestone, at a position in its list. */
@Entity
@Table(name = "milestone_item")
public class MilestoneItem {

    @Id
    private UUID id;
    private UUID programId;
    private int position;

    protected MilestoneItem() {
    }

    MilestoneItem(UUID programId, int position) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.position = position;
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    public UUID getProgramId() {
        return programId;
    }

    public int getPosition() {
        return position;
    }
}
