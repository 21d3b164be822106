package org.trainingsuite.trainingpass.order;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderRepository extends JpaRepository<PassOrder, UUID> {

    /** Locks the order row: two concurrent acceptances of one order run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PassOrder o where o.id = :id")
    Optional<PassOrder> findForUpdate(@Param("id") UUID id);

    Page<PassOrder> findByAccountId(UUID accountId, Pageable pageable);
}
