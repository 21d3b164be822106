package org.trainingsuite.catalog.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.catalog.passes.PassProjection;
import org.trainingsuite.catalog.program.Program;
import org.trainingsuite.catalog.program.ProgramService;
import org.trainingsuite.catalog.program.ProgramSession;

/**
 * One answer to "may this person open this item, and why". Every grant is listed with its source, id and
 * end: a direct or learning-plan enrollment (live or completed) gives access until the program's access
 * period after enrolling ends (LMS), or the session ends, or without end; an active training pass that
 * includes the item gives access through its expiry date, even past the content's own access period.
 * The decision is made by the grant that lasts longest (no end beats any end).
 */
@Service
public class AccessDecisions {

    /** One reason a person may (or, when not active, may no longer) open an item. */
    public record Grant(String source, String id, Instant endsAt, boolean active) {
    }

    /** The decision and every grant behind it. */
    public record Decision(String personId, UUID programId, boolean allowed, Grant decidedBy, List<Grant> grants) {
    }

    private static final Comparator<Grant> LONGEST = Comparator.comparing(Grant::endsAt,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final EnrollmentService enrollments;
    private final ProgramService programs;
    private final PassProjection passes;
    private final Clock clock;

    AccessDecisions(EnrollmentService enrollments, ProgramService programs, PassProjection passes, Clock clock) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.passes = passes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Decision decide(String personId, UUID programId) {
        Program program = programs.get(programId);
        Instant now = clock.instant();
        List<Grant> grants = new ArrayList<>();
        for (Enrollment e : enrollments.of(personId, programId)) {
            if (e.getStatus() != EnrollmentStatus.ENROLLED && e.getStatus() != EnrollmentStatus.COMPLETED) {
                continue;
            }
            if (e.getSource() == EnrollmentSource.TRAINING_PASS) {
                continue; // a pass enrollment gives access exactly while its pass does: counted below
            }
            Instant ends = endOf(e, program);
            grants.add(new Grant(e.getSource().name(), e.getSource() == EnrollmentSource.LEARNING_PLAN ? e.getSourceId()
                    : e.getId().toString(), ends, ends == null || ends.isAfter(now)));
        }
        for (PassProjection.PassGrant pass : passes.activePassesIncluding(personId, programId.toString())) {
            grants.add(new Grant(EnrollmentSource.TRAINING_PASS.name(), pass.passId().toString(), endOfDay(pass.expiresOn()), true));
        }
        Optional<Grant> decidedBy = decidingGrant(grants);
        return new Decision(personId, programId, decidedBy.isPresent(), decidedBy.orElse(null), grants);
    }

    /** The rule: among active grants, the one lasting longest decides; one without end beats any end. */
    static Optional<Grant> decidingGrant(List<Grant> grants) {
        return grants.stream().filter(Grant::active).max(LONGEST);
    }

    private Instant endOf(Enrollment e, Program program) {
        if (program.getAccessDays() != null) {
            return e.getEnrolledAt().plus(java.time.Duration.ofDays(program.getAccessDays()));
        }
        ProgramSession session = enrollments.sessionOf(e);
        return session == null ? null : session.getEndsAt();
    }

    private static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
