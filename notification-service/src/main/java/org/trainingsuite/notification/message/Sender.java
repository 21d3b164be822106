package org.trainingsuite.notification.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.notification.NotificationEventTypes;
import org.trainingsuite.notification.template.Placeholders;
import org.trainingsuite.notification.template.TemplateService;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the messages that are due, by SMTP, with retries and backoff, exactly once per message however many
 * replicas run. A replica claims a batch of due messages in one short transaction ({@code for update skip
 * locked}, state SENDING with a lease and a claim token), sends each, and records the outcome with its
 * {@code notification.delivery.*} event. Right before each send it checks the message is still its own and
 * renews the lease; every outcome is recorded only under its token. Another replica never takes a message
 * while its lease runs; a message whose replica died mid-send is taken again when the lease ends (the one
 * case where a message could go out twice: sent, then the replica died before recording it).
 */
@Component
public class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    /** {@code notification.delivery.sent.v1}. */
    public record Sent(UUID messageId, UUID triggerId, String triggerAbbreviation, String occurrence, String personId,
                       String toAddress, String subjectPersonId, UUID passId, UUID planId, int attempts, Instant sentAt) {
    }

    /** {@code notification.delivery.failed.v1}. */
    public record Failed(UUID messageId, UUID triggerId, String triggerAbbreviation, String occurrence, String personId,
                         String toAddress, String subjectPersonId, UUID passId, UUID planId, int attempts, String reason,
                         Instant failedAt) {
    }

    private record Claimed(UUID token, UUID id, UUID triggerId, String abbreviation, String triggerName, boolean enabled,
                           String fromAddress, UUID templateId, String occurrence, String recipient, String personId,
                           String subjectPerson, UUID passId, UUID planId, String context, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final JavaMailSender mail;
    private final TemplateService templates;
    private final JsonMapper json;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration lease;
    private final Duration firstRetry;
    private final Map<String, String> links;

    Sender(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox, JavaMailSender mail,
            TemplateService templates, JsonMapper json, Clock clock,
            @Value("${notification.send.batch-size:50}") int batchSize,
            @Value("${notification.send.max-attempts:5}") int maxAttempts,
            @Value("${notification.send.lease:PT5M}") Duration lease,
            @Value("${notification.send.first-retry:PT1M}") Duration firstRetry,
            @Value("${notification.links.my-plans:http://localhost:8080/me/learning-plans}") String myPlans,
            @Value("${notification.links.my-passes:http://localhost:8080/me/passes}") String myPasses,
            @Value("${notification.links.catalog:http://localhost:8080/catalog}") String catalog) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.outbox = outbox;
        this.mail = mail;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.lease = lease;
        this.firstRetry = firstRetry;
        this.links = Map.of("myPlans", myPlans, "myPasses", myPasses, "catalog", catalog);
    }

    @Scheduled(fixedDelayString = "${notification.send.interval:PT30S}",
               initialDelayString = "${notification.send.initial-delay:PT10S}")
    void run() {
        int sent = sendDue();
        if (sent > 0) {
            log.info("Handled {} due message(s)", sent);
        }
    }

    /** Sends every message due now; returns how many this call handled (sent, retried later or failed). */
    public int sendDue() {
        int handled = 0;
        while (true) {
            List<Claimed> claimed = tx.execute(s -> claim());
            if (claimed == null || claimed.isEmpty()) {
                return handled;
            }
            Map<UUID, TemplateService.MessageTemplate> templatesOfBatch = new HashMap<>(); // read once per batch
            claimed.forEach(m -> deliver(m, templatesOfBatch));
            handled += claimed.size();
            if (claimed.size() < batchSize) {
                return handled;
            }
        }
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        return jdbc.query("""
                with c as (
                    update message set state = 'SENDING', claimed_until = ?, claim_token = ? where id in (
                        select id from message
                        where (state = 'QUEUED' and due_on <= ? and next_attempt_at <= ?) or (state = 'SENDING' and claimed_until < ?)
                        order by due_on, next_attempt_at limit ? for update skip locked)
                    returning *)
                select c.*, t.abbreviation, t.name as trigger_name, t.enabled, t.from_address, t.template_id
                from c join trigger_rule t on t.id = c.trigger_id
                """, (rs, n) -> new Claimed(token, rs.getObject("id", UUID.class), rs.getObject("trigger_id", UUID.class),
                rs.getString("abbreviation"), rs.getString("trigger_name"), rs.getBoolean("enabled"),
                rs.getString("from_address"), rs.getObject("template_id", UUID.class), rs.getString("occurrence"),
                rs.getString("recipient"), rs.getString("person_id"), rs.getString("subject_person"),
                rs.getObject("pass_id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getString("context"),
                rs.getInt("attempts")),
                Timestamp.from(now.plus(lease)), token, java.sql.Date.valueOf(LocalDate.now(clock)), Timestamp.from(now),
                Timestamp.from(now), batchSize);
    }

    private void deliver(Claimed m, Map<UUID, TemplateService.MessageTemplate> templatesOfBatch) {
        int held = jdbc.update("update message set claimed_until = ? where id = ? and state = 'SENDING' and claim_token = ?",
                Timestamp.from(clock.instant().plus(lease)), m.id(), m.token());
        if (held == 0) {
            return; // the lease ran out while earlier messages of the batch were sent, and another replica took it
        }
        if (!m.enabled()) {
            tx.executeWithoutResult(s -> {
                jdbc.update("update message set state = 'CANCELLED', claimed_until = null where id = ? and claim_token = ?",
                        m.id(), m.token());
                history(m.id(), "CANCELLED", "the trigger is disabled");
            });
            return;
        }
        String to;
        Map<String, Object> person = new LinkedHashMap<>();
        if (m.recipient().startsWith("person:")) {
            Map<String, Object> p = jdbc.query("select name, email from person where id = ?", rs -> rs.next()
                    ? Map.<String, Object>of("name", rs.getString("name") == null ? "" : rs.getString("name"),
                    "email", rs.getString("email") == null ? "" : rs.getString("email")) : null, m.personId());
            if (p == null || ((String) p.get("email")).isBlank()) {
                failed(m, null, "no email address known for person " + m.personId());
                return;
            }
            person.putAll(p);
            to = (String) p.get("email");
        } else {
            to = m.recipient().substring("address:".length());
            person.put("name", "");
            person.put("email", to);
        }
        String subject;
        String body;
        try {
            Map<String, Object> context = new LinkedHashMap<>(json.readValue(m.context(), new TypeReference<Map<String, Object>>() {
            }));
            context.put("person", person);
            context.put("trigger", Map.of("name", m.triggerName(), "abbreviation", m.abbreviation()));
            context.put("links", links);
            TemplateService.MessageTemplate template = templatesOfBatch.computeIfAbsent(m.templateId(), templates::get);
            subject = Placeholders.render(template.subject(), context).strip();
            body = Placeholders.render(template.body(), context);
        } catch (RuntimeException e) {
            failed(m, to, "the template could not be rendered: " + e.getMessage());
            return;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(m.fromAddress());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body);
            message.setHeader("X-Training-Suite-Message", m.id().toString());
            mail.send(message);
        } catch (MailException | MessagingException e) {
            failed(m, to, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            jdbc.update("""
                    update message set state = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = null,
                        to_address = ?, rendered_subject = ?, rendered_body = ?, last_error = null
                    where id = ? and claim_token = ?
                    """, Timestamp.from(now), to, truncate(subject, 500), body, m.id(), m.token());
            history(m.id(), "SENT", "to " + to);
            outbox.record(NotificationEventTypes.DELIVERY_SENT, m.id().toString(), new Sent(m.id(), m.triggerId(),
                    m.abbreviation(), m.occurrence(), m.personId(), to, m.subjectPerson(), m.passId(), m.planId(),
                    m.attempts() + 1, now));
        });
    }

    /** A failed attempt: retried later with backoff, or given up after the last attempt. */
    private void failed(Claimed m, String to, String reason) {
        Instant now = clock.instant();
        int attempts = m.attempts() + 1;
        String why = truncate(reason, 2000);
        tx.executeWithoutResult(s -> {
            if (attempts >= maxAttempts) {
                jdbc.update("""
                        update message set state = 'FAILED', attempts = ?, claimed_until = null, last_error = ?, to_address = ?
                        where id = ? and claim_token = ?
                        """, attempts, why, to, m.id(), m.token());
                history(m.id(), "FAILED", why);
                outbox.record(NotificationEventTypes.DELIVERY_FAILED, m.id().toString(), new Failed(m.id(), m.triggerId(),
                        m.abbreviation(), m.occurrence(), m.personId(), to, m.subjectPerson(), m.passId(), m.planId(),
                        attempts, why, now));
                log.warn("Message {} failed after {} attempts: {}", m.id(), attempts, why);
            } else {
                Duration wait = firstRetry.multipliedBy(1L << Math.min(2 * (attempts - 1), 20));
                Instant next = now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
                jdbc.update("""
                        update message set state = 'QUEUED', attempts = ?, claimed_until = null, last_error = ?,
                            next_attempt_at = ? where id = ? and claim_token = ?
                        """, attempts, why, Timestamp.from(next), m.id(), m.token());
                history(m.id(), "RETRIED", why + "; next attempt at " + next);
            }
        });
    }

    private void history(UUID messageId, String what, String detail) {
        jdbc.update("insert into message_history (message_id, at, what, detail) values (?, ?, ?, ?)", messageId,
                Timestamp.from(clock.instant()), what, truncate(detail, 2000));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
