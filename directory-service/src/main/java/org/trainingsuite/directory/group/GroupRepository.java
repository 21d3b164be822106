package org.trainingsuite.directory.group;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface GroupRepository extends JpaRepository<PersonGroup, UUID> {

    @Query("select g from PersonGroup g where lower(g.name) like :pattern escape '\\'")
    Page<PersonGroup> search(@Param("pattern") String pattern, Pageable pageable);

    /** Locks the group row: one group's membership changes run one after the other (and its events stay in order). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from PersonGroup g where g.id = :id")
    Optional<PersonGroup> findForUpdate(@Param("id") UUID id);

    @Query("select count(g) > 0 from PersonGroup g where lower(g.name) = lower(:name) and g.id <> :id")
    boolean nameTakenByOther(@Param("name") String name, @Param("id") UUID id);
}
