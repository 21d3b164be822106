package org.trainingsuite.catalog.enrollment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EnrollmentRepository extends JpaRepository<Enrollment, UUID> {

    Page<Enrollment> findByPersonId(String personId, Pageable pageable);

    List<Enrollment> findByPersonIdAndProgramId(String personId, UUID programId);

    @Query("""
            select e from Enrollment e where e.source = org.trainingsuite.catalog.enrollment.EnrollmentSource.TRAINING_PASS
            and e.sourceId = :passId and e.status = org.trainingsuite.catalog.enrollment.EnrollmentStatus.ENROLLED
            order by e.id
            """)
    List<Enrollment> findLiveByPass(@Param("passId") String passId);
}
