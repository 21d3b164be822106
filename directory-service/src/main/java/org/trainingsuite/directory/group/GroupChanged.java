package org.trainingsuite.directory.group;

import java.util.UUID;

/** Payload of {@code directory.group.created.v1} and {@code directory.group.updated.v1}. */
public record GroupChanged(UUID groupId, String name, String description, long version) {

    static GroupChanged of(PersonGroup group) {
        return new GroupChanged(group.getId(), group.getName(), group.getDescription(), group.getVersion());
    }
}
