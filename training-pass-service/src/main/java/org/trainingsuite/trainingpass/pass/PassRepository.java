package org.trainingsuite.trainingpass.pass;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PassRepository extends JpaRepository<Pass, UUID> {

    /**
     * Passes by account, contact, pass type, status as of {@code today} (an active pass past its expiry
     * counts as expired) and "active between" (the pass's issue..expiry overlaps from..to).
     */
    @Query("""
            select p from Pass p
            where (:anyAccount = true or p.accountId = :accountId)
            and (:anyContact = true or p.contactId = :contactId)
            and (:anyPassType = true or p.passTypeId = :passTypeId)
            and (:status = 'ANY'
                 or (:status = 'ACTIVE' and p.status = org.trainingsuite.trainingpass.pass.PassStatus.ACTIVE and p.expiresOn >= :today)
                 or (:status = 'EXPIRED' and (p.status = org.trainingsuite.trainingpass.pass.PassStatus.EXPIRED
                      or (p.status = org.trainingsuite.trainingpass.pass.PassStatus.ACTIVE and p.expiresOn < :today)))
                 or (:status = 'CANCELLED' and p.status = org.trainingsuite.trainingpass.pass.PassStatus.CANCELLED))
            and p.issuedOn <= :activeTo and p.expiresOn >= :activeFrom
            """)
    Page<Pass> search(@Param("anyAccount") boolean anyAccount, @Param("accountId") UUID accountId,
            @Param("anyContact") boolean anyContact, @Param("contactId") String contactId,
            @Param("anyPassType") boolean anyPassType, @Param("passTypeId") UUID passTypeId,
            @Param("status") String status, @Param("today") LocalDate today,
            @Param("activeFrom") LocalDate activeFrom, @Param("activeTo") LocalDate activeTo, Pageable pageable);

    Page<Pass> findByContactId(String contactId, Pageable pageable);

    java.util.List<Pass> findByOrderIdOrderById(UUID orderId);
}
