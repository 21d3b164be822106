-- MessageMetrics counts the messages that need an operator's eye every 15 seconds: QUEUED and SENDING are
-- covered by message_due_idx; this covers FAILED (delivered and cancelled messages are not counted, so the
-- count does not grow with the delivery log).
create index message_failed_idx on message (id) where state = 'FAILED';
