package org.trainingsuite.notification.trigger;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.notification.template.TemplateService;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;

/** Communication triggers: what an admin configures, checked when saved. */
@Service
public class TriggerService {

    /** What an admin sets on a trigger. */
    public record Spec(String name, String abbreviation, UUID templateId, String fromAddress, Target target,
                       TriggerEvent event, List<UUID> passTypeIds, List<UUID> planIds, List<Integer> offsetsDays,
                       Integer repeatEveryDays, Integer repeatMax, boolean audienceLearner, boolean audienceAccountContacts,
                       List<String> extraAddresses, boolean automated, boolean enabled) {

        public Spec {
            if (!target.allows(event)) {
                throw new InvalidInputException("event", "a " + target + " trigger reacts to one of " + target.events());
            }
            passTypeIds = passTypeIds == null ? List.of() : List.copyOf(passTypeIds);
            planIds = planIds == null ? List.of() : List.copyOf(planIds);
            if (target == Target.TRAINING_PASS && !planIds.isEmpty()) {
                throw new InvalidInputException("planIds", "a TRAINING_PASS trigger filters by pass types");
            }
            if (target == Target.LEARNING_PLAN && !passTypeIds.isEmpty()) {
                throw new InvalidInputException("passTypeIds", "a LEARNING_PLAN trigger filters by plans");
            }
            offsetsDays = offsetsDays == null || offsetsDays.isEmpty() ? List.of(0) : List.copyOf(offsetsDays.stream().distinct().sorted().toList());
            if ((repeatEveryDays == null) != (repeatMax == null)) {
                throw new InvalidInputException("repeatEveryDays", "give both repeatEveryDays and repeatMax, or neither");
            }
            if (repeatEveryDays != null && event != TriggerEvent.DEADLINE) {
                throw new InvalidInputException("repeatEveryDays", "only a DEADLINE trigger repeats (while overdue)");
            }
            extraAddresses = extraAddresses == null ? List.of() : List.copyOf(extraAddresses);
            if (!audienceLearner && !audienceAccountContacts && extraAddresses.isEmpty()) {
                throw new InvalidInputException("audienceLearner", "a trigger needs an audience: the learner, the account's contacts or addresses");
            }
            if (audienceAccountContacts && target != Target.TRAINING_PASS) {
                throw new InvalidInputException("audienceAccountContacts", "only passes belong to an account");
            }
        }
    }

    private static final RowMapper<Trigger> ROW = TriggerService::map;

    private final TemplateService templates;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TriggerService(TemplateService templates, JdbcTemplate jdbc, Clock clock) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Trigger create(Spec s) {
        templates.get(s.templateId());
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("""
                    insert into trigger_rule (id, name, abbreviation, template_id, from_address, target, event, pass_type_ids,
                        plan_ids, offsets_days, repeat_every_days, repeat_max, audience_learner, audience_account_contacts,
                        extra_addresses, automated, enabled, version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                    """, id, s.name(), s.abbreviation(), s.templateId(), s.fromAddress(), s.target().name(), s.event().name(),
                    s.passTypeIds().toArray(UUID[]::new), s.planIds().toArray(UUID[]::new),
                    s.offsetsDays().toArray(Integer[]::new), s.repeatEveryDays(), s.repeatMax(), s.audienceLearner(),
                    s.audienceAccountContacts(), s.extraAddresses().toArray(String[]::new), s.automated(), s.enabled(), now, now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a trigger abbreviated " + s.abbreviation() + " exists already");
        }
        return get(id);
    }

    /** Changes a trigger; {@code expectedVersion} must be the one read (409 otherwise). Pending sends follow at send time. */
    @Transactional
    public Trigger change(UUID id, Spec s, long expectedVersion) {
        get(id);
        templates.get(s.templateId());
        int changed;
        try {
            changed = jdbc.update("""
                    update trigger_rule set name = ?, abbreviation = ?, template_id = ?, from_address = ?, target = ?, event = ?,
                        pass_type_ids = ?, plan_ids = ?, offsets_days = ?, repeat_every_days = ?, repeat_max = ?,
                        audience_learner = ?, audience_account_contacts = ?, extra_addresses = ?, automated = ?, enabled = ?,
                        version = version + 1, updated_at = ?
                    where id = ? and version = ?
                    """, s.name(), s.abbreviation(), s.templateId(), s.fromAddress(), s.target().name(), s.event().name(),
                    s.passTypeIds().toArray(UUID[]::new), s.planIds().toArray(UUID[]::new),
                    s.offsetsDays().toArray(Integer[]::new), s.repeatEveryDays(), s.repeatMax(), s.audienceLearner(),
                    s.audienceAccountContacts(), s.extraAddresses().toArray(String[]::new), s.automated(), s.enabled(),
                    Timestamp.from(clock.instant()), id, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a trigger abbreviated " + s.abbreviation() + " exists already");
        }
        if (changed == 0) {
            throw new ConflictException("trigger " + id + " was changed meanwhile; read it again");
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public Trigger get(UUID id) {
        List<Trigger> found = jdbc.query("select * from trigger_rule where id = ?", ROW, id);
        if (found.isEmpty()) {
            throw NotFoundException.of("trigger", id);
        }
        return found.getFirst();
    }

    @Transactional(readOnly = true)
    public Page<Trigger> all(Pageable pageable) {
        List<Trigger> page = jdbc.query("select * from trigger_rule order by name, id limit ? offset ?", ROW,
                pageable.getPageSize(), pageable.getOffset());
        Long total = jdbc.queryForObject("select count(*) from trigger_rule", Long.class);
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    /** The enabled, automated triggers for an event of a target. */
    @Transactional(readOnly = true)
    public List<Trigger> automated(Target target, TriggerEvent event) {
        return jdbc.query("select * from trigger_rule where target = ? and event = ? and automated and enabled order by id",
                ROW, target.name(), event.name());
    }

    private static Trigger map(ResultSet rs, int n) throws SQLException {
        return new Trigger(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("abbreviation"),
                rs.getObject("template_id", UUID.class), rs.getString("from_address"), Target.valueOf(rs.getString("target")),
                TriggerEvent.valueOf(rs.getString("event")), list(rs.getArray("pass_type_ids"), UUID.class),
                list(rs.getArray("plan_ids"), UUID.class), list(rs.getArray("offsets_days"), Integer.class),
                (Integer) rs.getObject("repeat_every_days"), (Integer) rs.getObject("repeat_max"),
                rs.getBoolean("audience_learner"), rs.getBoolean("audience_account_contacts"),
                list(rs.getArray("extra_addresses"), String.class), rs.getBoolean("automated"), rs.getBoolean("enabled"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static <T> List<T> list(Array array, Class<T> type) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(type::cast).toList();
    }
}
