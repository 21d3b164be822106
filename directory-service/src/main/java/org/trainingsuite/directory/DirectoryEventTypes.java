package org.trainingsuite.directory;

import java.util.List;
import org.trainingsuite.platform.messaging.EventType;

/** Every event directory-service emits. Payload schemas: {@code src/main/resources/events/<type>.schema.json}. */
public final class DirectoryEventTypes {

    /** Emitted when a person is added to the directory. */
    public static final EventType PERSON_CREATED = EventType.of("directory.person.created.v1", "directory.people");
    /** Emitted when a person's name, email or account changes. */
    public static final EventType PERSON_UPDATED = EventType.of("directory.person.updated.v1", "directory.people");
    /** Emitted when an account (organisation) is created. */
    public static final EventType ACCOUNT_CREATED = EventType.of("directory.account.created.v1", "directory.accounts");
    /** Emitted when an account is renamed or its external reference changes. */
    public static final EventType ACCOUNT_UPDATED = EventType.of("directory.account.updated.v1", "directory.accounts");
    /** Emitted when a group is created. */
    public static final EventType GROUP_CREATED = EventType.of("directory.group.created.v1", "directory.groups");
    /** Emitted when a group is renamed or described anew. */
    public static final EventType GROUP_UPDATED = EventType.of("directory.group.updated.v1", "directory.groups");
    /** Emitted for each person who joins a group (one event per person, also in bulk adds). */
    public static final EventType MEMBER_ADDED = EventType.of("directory.group-membership.added.v1", "directory.group-memberships");
    /** Emitted for each person who leaves a group. */
    public static final EventType MEMBER_REMOVED = EventType.of("directory.group-membership.removed.v1", "directory.group-memberships");

    public static final List<EventType> ALL = List.of(PERSON_CREATED, PERSON_UPDATED, ACCOUNT_CREATED, ACCOUNT_UPDATED,
            GROUP_CREATED, GROUP_UPDATED, MEMBER_ADDED, MEMBER_REMOVED);

    private DirectoryEventTypes() {
    }
}
