package org.trainingsuite.directory.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An organisation whose people train with us; passes are issued to accounts. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private UUID id;
    private String name;
    @Column(name = "external_ref")
    private String externalRef;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected Account() {
    }

    public static Account open(String name, String externalRef, Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.name = name;
        account.externalRef = externalRef;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    /** @return whether anything changed */
    public boolean rename(String newName, String newExternalRef, Instant now) {
        if (Objects.equals(name, newName) && Objects.equals(externalRef, newExternalRef)) {
            return false;
        }
        name = newName;
        externalRef = newExternalRef;
        updatedAt = now;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getExternalRef() {
        return externalRef;
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
