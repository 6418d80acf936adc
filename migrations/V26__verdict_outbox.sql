-- The verdict stream's transactional outbox (issue 20). A recording transaction that stores events
-- also appends, in the same transaction, the verdict messages of those events: one row per batch,
-- keyed by the batch's first log sequence, its messages one JSON document per line in sequence
-- order. Batches are sequenced under the log head's lock, held to commit, so rows become visible
-- in sequence order and a reader of the table sees a gap-free prefix. The relay sends a row's
-- messages to Kafka and removes the row in one transaction once the broker has acknowledged them:
-- a crash in between sends them again (at-least-once; consumers dedupe by sequence), never skips.
-- Both ends are the class verdicts/VerdictOutbox: the table is a queue between the recording
-- transaction and the relay, so it is the one table whose rows are removed.
create table verdict_outbox (
    first_sequence bigint primary key check (first_sequence >= 0),
    last_sequence  bigint not null check (last_sequence >= first_sequence),
    messages       text   not null
);
