package org.trainingsuite.trainingpass.pass;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.trainingpass.TrainingPassEventTypes;
import org.trainingsuite.trainingpass.directory.DirectoryProjection;
import org.trainingsuite.trainingpass.pass.PassHistoryEntry.Action;
import org.trainingsuite.trainingpass.passtype.PassOption;
import org.trainingsuite.trainingpass.passtype.PassType;
import org.trainingsuite.trainingpass.passtype.PassTypeService;

@Service
public class PassService {

    private final PassRepository passes;
    private final PassHistoryRepository history;
    private final PassTypeService passTypes;
    private final DirectoryProjection directory;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PassService(PassRepository passes, PassHistoryRepository history, PassTypeService passTypes,
            DirectoryProjection directory, Outbox outbox, JdbcTemplate jdbc, Clock clock) {
        this.passes = passes;
        this.history = history;
        this.passTypes = passTypes;
        this.directory = directory;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Filters of the pass list; nulls match everything. */
    public record PassFilter(UUID accountId, String contactId, UUID passTypeId, PassStatus status, LocalDate activeFrom,
                             LocalDate activeTo) {
    }

    /** The answer to "may this person open this item thanks to a pass, and which pass". */
    public record Access(String personId, String itemId, boolean granted, UUID passId, UUID passTypeId,
                         LocalDate expiresOn, String reason) {
    }

    @Transactional
    public Pass issuePass(UUID passTypeId, UUID optionId, UUID accountId, String contactId, LocalDate expiresOn,
            String actor) {
        directory.requireAccount(accountId, "accountId");
        if (contactId != null) {
            directory.requireContactOf(accountId, contactId, "contactId");
        }
        return issue(passTypes.get(passTypeId), optionId, accountId, contactId, expiresOn, Pass.Origin.MANUAL, actor);
    }

    /** Issues one pass (by hand; the caller has checked the account and contact). */
    @Transactional
    public Pass issue(PassType type, UUID optionId, UUID accountId, String contactId, LocalDate expiresOn,
            Pass.Origin origin, String actor) {
        PassOption option = type.issuableOption(optionId);
        Instant now = clock.instant();
        Pass pass = passes.saveAndFlush(Pass.issue(type.getId(), option.getId(), option.period(), accountId, contactId,
                today(), expiresOn, origin, now));
        record(pass, type, Action.ISSUED, TrainingPassEventTypes.PASS_ISSUED, actor, null, null, null);
        return pass;
    }

    /**
     * Issues {@code count} passes to an account at once (an accepted order): written in batches, with their
     * history rows and events, in the caller's transaction.
     */
    @Transactional
    public List<Pass> issueMany(PassType type, UUID optionId, UUID accountId, int count, Pass.Origin origin, String actor) {
        PassOption option = type.issuableOption(optionId);
        Instant now = clock.instant();
        LocalDate today = today();
        List<Pass> issued = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            issued.add(Pass.issue(type.getId(), option.getId(), option.period(), accountId, null, today, null, origin, now));
        }
        passes.saveAll(issued);
        passes.flush();
        history.saveAll(issued.stream().map(pass -> new PassHistoryEntry(pass, Action.ISSUED, now, actor, null, null, null))
                .toList());
        outbox.recordAll(TrainingPassEventTypes.PASS_ISSUED, issued.stream()
                .map(pass -> new Outbox.Event(pass.getId().toString(), changed(pass, type, null, null, null))).toList());
        return issued;
    }

    @Transactional
    public Pass renew(UUID passId, UUID optionId, LocalDate expiresOn, String actor) {
        if ((optionId == null) == (expiresOn == null)) {
            throw new InvalidInputException("optionId", "give either an option or a new expiry date (expiresOn), not both");
        }
        Pass pass = get(passId);
        PassType type = passTypes.get(pass.getPassTypeId());
        LocalDate previous = pass.getExpiresOn();
        if (optionId != null) {
            PassOption option = type.option(optionId);
            if (!option.isPublished()) {
                throw new InvalidInputException("optionId", "option " + option.getName() + " is " + option.getStatus());
            }
            pass.renew(option.getId(), option.period(), null, today(), clock.instant());
        } else {
            pass.renew(null, null, expiresOn, today(), clock.instant());
        }
        passes.saveAndFlush(pass);
        record(pass, type, Action.RENEWED, TrainingPassEventTypes.PASS_RENEWED, actor, previous, null, null);
        return pass;
    }

    @Transactional
    public Pass extend(UUID passId, LocalDate expiresOn, String actor) {
        Pass pass = get(passId);
        LocalDate previous = pass.getExpiresOn();
        if (pass.extend(expiresOn, today(), clock.instant())) {
            passes.saveAndFlush(pass);
            record(pass, passTypes.get(pass.getPassTypeId()), Action.EXTENDED, TrainingPassEventTypes.PASS_EXTENDED,
                    actor, previous, null, null);
        }
        return pass;
    }

    @Transactional
    public Pass cancel(UUID passId, String reason, String actor) {
        Pass pass = get(passId);
        if (pass.cancel(reason, clock.instant())) {
            passes.saveAndFlush(pass);
            record(pass, passTypes.get(pass.getPassTypeId()), Action.CANCELLED, TrainingPassEventTypes.PASS_CANCELLED,
                    actor, null, null, reason);
        }
        return pass;
    }

    @Transactional
    public Pass reassign(UUID passId, String contactId, String actor) {
        Pass pass = get(passId);
        directory.requireContactOf(pass.getAccountId(), contactId, "contactId");
        String previous = pass.getContactId();
        if (pass.reassign(contactId, clock.instant())) {
            passes.saveAndFlush(pass);
            record(pass, passTypes.get(pass.getPassTypeId()), Action.REASSIGNED, TrainingPassEventTypes.PASS_REASSIGNED,
                    actor, null, previous, null);
        }
        return pass;
    }

    @Transactional(readOnly = true)
    public Pass get(UUID passId) {
        return passes.findById(passId).orElseThrow(() -> NotFoundException.of("pass", passId));
    }

    /** The pass if {@code personId} holds it; otherwise 404, as if it did not exist. */
    @Transactional(readOnly = true)
    public Pass getOwn(UUID passId, String personId) {
        return passes.findById(passId).filter(p -> personId.equals(p.getContactId()))
                .orElseThrow(() -> NotFoundException.of("pass", passId));
    }

    @Transactional(readOnly = true)
    public List<PassHistoryEntry> history(UUID passId) {
        get(passId);
        return history.findByPassIdOrderById(passId);
    }

    @Transactional(readOnly = true)
    public Page<Pass> search(PassFilter f, Pageable pageable) {
        if (f.activeFrom() != null && f.activeTo() != null && f.activeTo().isBefore(f.activeFrom())) {
            throw new InvalidInputException("activeTo", "must not be before activeFrom");
        }
        return passes.search(f.accountId() == null, f.accountId(), f.contactId() == null, f.contactId(),
                f.passTypeId() == null, f.passTypeId(), f.status() == null ? "ANY" : f.status().name(), today(),
                f.activeFrom() == null ? LocalDate.of(1, 1, 1) : f.activeFrom(),
                f.activeTo() == null ? LocalDate.of(9999, 12, 31) : f.activeTo(), pageable);
    }

    @Transactional(readOnly = true)
    public Page<Pass> passesOf(String personId, Pageable pageable) {
        return passes.findByContactId(personId, pageable);
    }

    /** Does {@code personId} hold a pass that gives access to {@code itemId} today; the one running longest if several. */
    @Transactional(readOnly = true)
    public Access access(String personId, String itemId) {
        LocalDate today = today();
        List<Access> found = jdbc.query("""
                select p.id, p.pass_type_id, p.expires_on from pass p
                join pass_type_item i on i.pass_type_id = p.pass_type_id and i.item_id = ?
                where p.contact_id = ? and p.status = 'ACTIVE' and p.issued_on <= ? and p.expires_on >= ?
                order by p.expires_on desc, p.id limit 1
                """, (rs, n) -> new Access(personId, itemId, true, rs.getObject("id", UUID.class),
                rs.getObject("pass_type_id", UUID.class), rs.getObject("expires_on", LocalDate.class), "active pass"),
                itemId, personId, today, today);
        return found.isEmpty()
                ? new Access(personId, itemId, false, null, null, null, "no active pass of this person includes this item")
                : found.getFirst();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private void record(Pass pass, PassType type, Action action, EventType eventType, String actor,
            LocalDate previousExpiresOn, String previousContactId, String reason) {
        Instant now = clock.instant();
        history.save(new PassHistoryEntry(pass, action, now, actor, previousContactId, previousExpiresOn, reason));
        outbox.record(eventType, pass.getId().toString(), changed(pass, type, previousExpiresOn, previousContactId, reason));
    }

    private PassChanged changed(Pass pass, PassType type, LocalDate previousExpiresOn, String previousContactId,
            String reason) {
        return new PassChanged(pass.getId(), type.getId(), type.getCode(), type.getName(), pass.getOptionId(),
                type.option(pass.getOptionId()).getName(), pass.getAccountId(), pass.getContactId(), pass.statusOn(today()),
                pass.getIssuedOn(), pass.getExpiresOn(), pass.getOrderId(), pass.getOpportunityRef(), pass.getInterestRef(),
                previousExpiresOn, previousContactId, reason, pass.getVersion());
    }
}
