package org.trainingsuite.directory.person;

import java.util.UUID;

/**
 * Payload of {@code directory.person.created.v1} and {@code directory.person.updated.v1}: the person as
 * they are after the change.
 */
public record PersonChanged(String personId, String name, String email, UUID accountId, long version) {

    static PersonChanged of(Person person) {
        return new PersonChanged(person.getId(), person.getName(), person.getEmail(), person.getAccountId(),
                person.getVersion());
    }
}
