package org.trainingsuite.catalog.catalogs;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CatalogRepository extends JpaRepository<Catalog, UUID> {

    /** Locks the catalog row: one catalog's item changes run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Catalog c where c.id = :id")
    Optional<Catalog> findForUpdate(@Param("id") UUID id);

    @Query("select count(c) > 0 from Catalog c where lower(c.name) = lower(:name)")
    boolean nameTaken(@Param("name") String name);
}
