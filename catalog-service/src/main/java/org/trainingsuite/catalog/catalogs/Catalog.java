package org.trainingsuite.catalog.catalogs;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.trainingsuite.platform.persistence.Audited;

/** A named collection of programs and learning plans offered to an audience. */
@Entity
@Table(name = "catalog")
public class Catalog extends Audited {

    @Id
    private UUID id;
    private String name;
    private String audience;

    protected Catalog() {
    }

    static Catalog create(String name, String audience, Instant now) {
        Catalog catalog = new Catalog();
        catalog.id = UUID.randomUUID();
        catalog.name = name;
        catalog.audience = audience;
        catalog.created(now);
        return catalog;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAudience() {
        return audience;
    }
}
