package org.trainingsuite.catalog.program;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.catalog.CatalogEventTypes;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.messaging.outbox.Outbox;

@Service
public class ProgramService {

    private final ProgramRepository programs;
    private final SessionRepository sessions;
    private final Outbox outbox;
    private final Clock clock;

    ProgramService(ProgramRepository programs, SessionRepository sessions, Outbox outbox, Clock clock) {
        this.programs = programs;
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A session to schedule. */
    public record NewSession(Instant startsAt, Instant endsAt, String timeZone, Integer capacity, String location,
                             String lmsLink, BigDecimal credits) {
    }

    @Transactional
    public Program createProgram(Program.Details details) {
        return programs.saveAndFlush(Program.draft(details, clock.instant()));
    }

    @Transactional
    public Program editProgram(UUID id, Program.Details details, long expectedVersion) {
        Program program = lock(id);
        if (program.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("program " + id + " is at version " + program.getVersion());
        }
        program.edit(details, clock.instant());
        programs.saveAndFlush(program);
        announce(program, CatalogEventTypes.PROGRAM_UPDATED, program.getStatus() == ProgramStatus.PUBLISHED);
        return program;
    }

    @Transactional
    public ProgramSession scheduleSession(UUID programId, NewSession s) {
        Program program = lock(programId);
        if (!program.getType().hasSessions()) {
            throw new ConflictException(program.getType() + " programs have no sessions");
        }
        if (!s.endsAt().isAfter(s.startsAt())) {
            throw new InvalidInputException("endsAt", "must be after startsAt");
        }
        try {
            ZoneId.of(s.timeZone());
        } catch (RuntimeException e) {
            throw new InvalidInputException("timeZone", s.timeZone() + " is not a time zone (e.g. Europe/Paris)");
        }
        if (program.getDelivery() != Delivery.CLASSROOM && (s.lmsLink() == null || s.lmsLink().isBlank())
                && (s.location() == null || s.location().isBlank())) {
            throw new InvalidInputException("lmsLink", "an online or blended session needs an LMS link or a location");
        }
        ProgramSession session = sessions.saveAndFlush(new ProgramSession(programId, s.startsAt(), s.endsAt(),
                s.timeZone(), s.capacity(), s.location(), s.lmsLink(), s.credits()));
        announce(program, CatalogEventTypes.PROGRAM_UPDATED, program.getStatus() == ProgramStatus.PUBLISHED);
        return session;
    }

    @Transactional
    public Program publish(UUID id) {
        Program program = lock(id);
        announce(program, CatalogEventTypes.PROGRAM_PUBLISHED, program.publish(clock.instant()));
        return programs.saveAndFlush(program);
    }

    @Transactional
    public Program archive(UUID id) {
        Program program = lock(id);
        announce(program, CatalogEventTypes.PROGRAM_ARCHIVED, program.archive(clock.instant()));
        return programs.saveAndFlush(program);
    }

    private Program lock(UUID id) {
        return programs.findForUpdate(id).orElseThrow(() -> NotFoundException.of("program", id));
    }

    @Transactional(readOnly = true)
    public Program get(UUID id) {
        return programs.findById(id).orElseThrow(() -> NotFoundException.of("program", id));
    }

    @Transactional(readOnly = true)
    public List<ProgramSession> sessionsOf(UUID programId) {
        return sessions.findByProgramIdOrderByStartsAt(programId);
    }

    @Transactional(readOnly = true)
    public ProgramSession session(UUID programId, UUID sessionId) {
        return sessions.findById(sessionId).filter(s -> s.getProgramId().equals(programId))
                .orElseThrow(() -> NotFoundException.of("session", sessionId + " of program " + programId));
    }

    private void announce(Program program, EventType type, boolean when) {
        if (when) {
            programs.flush();
            outbox.record(type, program.getId().toString(), ProgramChanged.of(program, sessionsOf(program.getId())));
        }
    }
}
