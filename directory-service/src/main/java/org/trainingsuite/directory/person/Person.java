package org.trainingsuite.directory.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person: learner, professional or an account's contact alike. The id is the {@code sub} of the
 * person's token and the same in every service.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    private String id;
    private String name;
    private String email;
    @Column(name = "account_id")
    private UUID accountId;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected Person() {
    }

    public static Person register(String id, String name, String email, UUID accountId, Instant now) {
        Person person = new Person();
        person.id = id;
        person.name = name;
        person.email = email;
        person.accountId = accountId;
        person.createdAt = now;
        person.updatedAt = now;
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
        updatedAt = now;
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

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
