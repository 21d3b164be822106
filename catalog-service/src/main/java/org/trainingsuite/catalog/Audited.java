package org.trainingsuite.catalog;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** A version for optimistic locking (a stale one is a 409) and when the record was created and changed. */
@MappedSuperclass
public abstract class Audited {

    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected void created(Instant now) {
        createdAt = now;
        updatedAt = now;
    }

    protected void changed(Instant now) {
        updatedAt = now;
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
