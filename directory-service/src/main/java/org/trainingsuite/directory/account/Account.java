package org.trainingsuite.directory.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.trainingsuite.platform.persistence.Audited;

/** An organisation whose people train with us; passes are issued to accounts. */
@Entity
@Table(name = "account")
public class Account extends Audited {

    @Id
    private UUID id;
    private String name;
    @Column(name = "external_ref")
    private String externalRef;

    protected Account() {
    }

    public static Account open(String name, String externalRef, Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.name = name;
        account.externalRef = externalRef;
        account.created(now);
        return account;
    }

    /** @return whether anything changed */
    public boolean rename(String newName, String newExternalRef, Instant now) {
        if (Objects.equals(name, newName) && Objects.equals(externalRef, newExternalRef)) {
            return false;
        }
        name = newName;
        externalRef = newExternalRef;
        changed(now);
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
}
