package org.trainingsuite.trainingpass.passtype;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PassTypeRepository extends JpaRepository<PassType, UUID> {

    @Query("""
            select t from PassType t
            where (lower(t.name) like :pattern escape '\\' or lower(t.code) like :pattern escape '\\')
            and (:anyStatus = true or t.status = :status)
            """)
    Page<PassType> search(@Param("pattern") String pattern, @Param("anyStatus") boolean anyStatus,
            @Param("status") PublicationStatus status, Pageable pageable);

    /** Locks the pass type row: its changes (options, prices, items, status) and their events run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from PassType t where t.id = :id")
    Optional<PassType> findForUpdate(@Param("id") UUID id);

    @Query("select count(t) > 0 from PassType t where upper(t.code) = upper(:code) and t.id <> :id")
    boolean codeTakenByOther(@Param("code") String code, @Param("id") UUID id);
}
