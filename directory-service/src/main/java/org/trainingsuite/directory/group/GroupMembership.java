package org.trainingsuite.directory.group;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A person's membership of a group. */
@Entity
@Table(name = "group_membership")
@IdClass(GroupMembership.Key.class)
public class GroupMembership {

    @Id
    private UUID groupId;
    @Id
    private String personId;
    private Instant addedAt;

    protected GroupMembership() {
    }

    public UUID getGroupId() {
        return groupId;
    }

    public String getPersonId() {
        return personId;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public record Key(UUID groupId, String personId) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
