package org.trainingsuite.platform.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What every aggregate of the suite keeps besides its own data: a version for optimistic locking (a client
 * sends the version it read; a stale one is a 409, and concurrent changes to one aggregate are
 * serialised, which keeps its events in order) and when it was created and last changed.
 */
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
