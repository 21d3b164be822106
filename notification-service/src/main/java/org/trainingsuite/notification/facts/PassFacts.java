package org.trainingsuite.notification.facts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.trainingsuite.notification.message.Occurrence;
import org.trainingsuite.notification.message.Planner;
import org.trainingsuite.notification.trigger.Target;
import org.trainingsuite.notification.trigger.Trigger;
import org.trainingsuite.notification.trigger.TriggerEvent;
import org.trainingsuite.notification.trigger.TriggerService;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.Payloads;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans pass messages from {@code training-pass.passes} (binding {@code passes-in-0}). Each pass's latest state
 * is kept; an event older than what is known (by the pass's version) changes nothing, so redelivered and
 * late events are harmless.
 * <ul>
 *   <li>issued: ISSUED triggers, and the expiry reminders (EXPIRED triggers, from the expiry date);</li>
 *   <li>renewed: RENEWED triggers; the previous term's pending expiry reminders are cancelled and the new
 *       term's planned (each term gets its own);</li>
 *   <li>extended: no message of its own (the product says so); pending expiry reminders move to the new date;</li>
 *   <li>cancelled: every pending message about the pass is cancelled; CANCELLED triggers;</li>
 *   <li>expired: the expiry reminders after the date stay as planned;</li>
 *   <li>reassigned: the previous holder's pending messages are cancelled; the new holder's reminders planned.</li>
 * </ul>
 */
@Configuration
public class PassFacts {

    private final JdbcTemplate jdbc;
    private final TriggerService triggers;
    private final Planner planner;
    private final JsonMapper json;
    private final Clock clock;

    PassFacts(JdbcTemplate jdbc, TriggerService triggers, Planner planner, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.triggers = triggers;
        this.planner = planner;
        this.json = json;
        this.clock = clock;
    }

    @Bean
    Consumer<Message<byte[]>> passes(InboxConsumer.Factory consumers) {
        InboxConsumer.Builder builder = consumers.named("notification.passes");
        for (String verb : List.of("issued", "renewed", "extended", "cancelled", "expired", "reassigned")) {
            builder = builder.on("training-pass.pass." + verb + ".v1", e -> changed(verb, e));
        }
        return builder.build();
    }

    /** Applies one pass event; runs in the inbox's transaction. */
    void changed(String verb, IncomingEvent event) {
        JsonNode p = event.payload();
        UUID passId = UUID.fromString(p.get("passId").asString());
        long version = p.get("version").asLong();
        Map<String, Object> known = jdbc.query("select version, term from pass_state where id = ? for update",
                rs -> rs.next() ? Map.<String, Object>of("version", rs.getLong("version"), "term", rs.getInt("term")) : null,
                passId);
        if (known != null && (Long) known.get("version") >= version) {
            return; // what this event says is known already, or outdated
        }
        int term = known == null ? 0 : (Integer) known.get("term");
        if ("renewed".equals(verb)) {
            planner.cancel("the pass was renewed", "pass_id = ? and occurrence = ?", passId, expiry(passId, term));
            term++;
        }
        String status = p.get("status").asString();
        UUID passTypeId = UUID.fromString(p.get("passTypeId").asString());
        jdbc.update("""
                insert into pass_state (id, version, status, pass_type_id, facts, term) values (?, ?, ?, ?, ?::jsonb, ?)
                on conflict (id) do update set version = excluded.version, status = excluded.status,
                    pass_type_id = excluded.pass_type_id, facts = excluded.facts, term = excluded.term
                """, passId, version, status, passTypeId, p.toString(), term);
        LocalDate eventDay = event.time() == null ? LocalDate.now(clock) : event.time().toLocalDate();
        switch (verb) {
            case "issued" -> {
                plan(TriggerEvent.ISSUED, p, passId + ":issued", LocalDate.parse(p.get("issuedOn").asString()));
                planExpiry(p, passId, term);
            }
            case "renewed" -> {
                plan(TriggerEvent.RENEWED, p, passId + ":renewed:v" + version, eventDay);
                planExpiry(p, passId, term);
            }
            case "cancelled" -> {
                planner.cancel("the pass was cancelled", "pass_id = ?", passId);
                plan(TriggerEvent.CANCELLED, p, passId + ":cancelled", eventDay);
            }
            case "reassigned" -> {
                JsonNode previous = p.get("previousContactId");
                if (previous != null && !previous.isNull()) {
                    planner.cancel("the pass moved to another person", "pass_id = ? and subject_person = ?", passId,
                            previous.asString());
                }
                planExpiry(p, passId, term);
            }
            default -> planExpiry(p, passId, term); // extended, expired
        }
    }

    /** Messages for a pass chosen by an admin, now (a manual trigger). */
    public Occurrence manual(UUID passId, LocalDate today) {
        String facts = jdbc.query("select facts::text from pass_state where id = ?", rs -> rs.next() ? rs.getString(1) : null,
                passId);
        if (facts == null) {
            return null;
        }
        JsonNode p = json.readTree(facts);
        return occurrence(p, "manual:" + today + ":pass:" + passId, today);
    }

    private void planExpiry(JsonNode p, UUID passId, int term) {
        if ("CANCELLED".equals(p.get("status").asString())) {
            return;
        }
        plan(TriggerEvent.EXPIRED, p, expiry(passId, term).substring("pass:".length()),
                LocalDate.parse(p.get("expiresOn").asString()));
    }

    private static String expiry(UUID passId, int term) {
        return "pass:" + passId + ":expiry:term" + term;
    }

    private void plan(TriggerEvent what, JsonNode p, String key, LocalDate anchor) {
        UUID passTypeId = UUID.fromString(p.get("passTypeId").asString());
        for (Trigger t : triggers.automated(Target.TRAINING_PASS, what)) {
            if (t.coversPassType(passTypeId)) {
                planner.plan(t, occurrence(p, "pass:" + key, anchor));
            }
        }
    }

    private static Occurrence occurrence(JsonNode p, String key, LocalDate anchor) {
        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("id", p.get("passId").asString());
        pass.put("type", Payloads.text(p, "passTypeName"));
        pass.put("typeCode", Payloads.text(p, "passTypeCode"));
        pass.put("option", Payloads.text(p, "optionName"));
        pass.put("status", Payloads.text(p, "status"));
        pass.put("issuedOn", Payloads.text(p, "issuedOn"));
        pass.put("expiresOn", Payloads.text(p, "expiresOn"));
        pass.put("previousExpiresOn", Payloads.text(p, "previousExpiresOn"));
        pass.put("reason", Payloads.text(p, "reason"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("pass", pass);
        context.put("event", Map.of("date", anchor.toString()));
        String account = Payloads.text(p, "accountId");
        return new Occurrence(key, anchor, Payloads.text(p, "contactId"), account == null ? null : UUID.fromString(account),
                UUID.fromString(p.get("passId").asString()), null, null, context);
    }
}
