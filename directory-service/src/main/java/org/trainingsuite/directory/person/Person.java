package org.trainingsuite.directory.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.trainingsuite.platform.persistence.Audited;

/**
 * A person: learner, professional or an account's contact alike. The id is the {@code sub} of the
 * person's token and the same in every service.
 */
@Entity
@Table(name = "person")
public class Person extends Audited {

    @Id
    private String id;
    private String name;
    private String email;
    @Column(name = "account_id")
    private UUID accountId;

    protected Person() {
    }

    public static Person register(String id, String name, String email, UUID accountId, Instant now) {
        Person person = new Person();
        person.id = id;
        person.name = name;
        person.email = email;
        person.accountId = accountId;
        person.created(now);
        return person;
    }

    /** @return whether anything changed */
    public boolean update(String newName, String newEmail, UUID newAccountId, Instant now) {
        if (Objects.equals(name, newName) && Objects.equals(email, newEmail) && Objects.equals(accountId, newAccountId)) {
            return false;
        }
        name = newName;
        email = newEmail;
        accountId = newAccountId;
        changed(now);
        return true;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public UUID getAccountId() {
        return accountId;
    }
}
