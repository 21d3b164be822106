package org.trainingsuite.learningplan.plan;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PlanRepository extends JpaRepository<Plan, UUID> {

    /** Locks the plan row: its changes and their events run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Plan p where p.id = :id")
    Optional<Plan> findForUpdate(@Param("id") UUID id);

    @Query("""
            select p from Plan p where lower(p.name) like :pattern escape '\\'
            and (:anyStatus = true or p.status = :status)
            """)
    Page<Plan> search(@Param("pattern") String pattern, @Param("anyStatus") boolean anyStatus,
            @Param("status") PlanStatus status, Pageable pageable);
}
