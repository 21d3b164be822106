-- platform-messaging: the W3C trace context of the transaction that wrote an event, so the relay can put it on
-- the Kafka record and the consumers continue the trace (null when nothing was being traced).
-- Platform migrations may reach a database after the service's own (1+): Flyway runs them out of order
-- (MessagingAutoConfiguration), which is safe because they touch only the platform's tables.
alter table outbox_event add column traceparent text;
alter table outbox_event add column tracestate  text;
