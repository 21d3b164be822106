package org.trainingsuite.trainingpass.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person as directory-service last told us: who may hold a pass of which account. */
@Entity
@Table(name = "known_person")
public class KnownPerson {

    @Id
    private String id;
    private String name;
    private String email;
    private UUID accountId;
    private long version;

    protected KnownPerson() {
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
}
