package org.trainingsuite.directory.group;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.trainingsuite.platform.persistence.Audited;

/** A named set of people; learning plans can be assigned to a group and follow its membership. */
@Entity
@Table(name = "person_group")
public class PersonGroup extends Audited {

    @Id
    private UUID id;
    private String name;
    private String description;

    protected PersonGroup() {
    }

    public static PersonGroup create(String name, String description, Instant now) {
        PersonGroup group = new PersonGroup();
        group.id = UUID.randomUUID();
        group.name = name;
        group.description = description;
        group.created(now);
        return group;
    }

    /** @return whether anything changed */
    public boolean describe(String newName, String newDescription, Instant now) {
        if (Objects.equals(name, newName) && Objects.equals(description, newDescription)) {
            return false;
        }
        name = newName;
        description = newDescription;
        changed(now);
        return true;
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
}
