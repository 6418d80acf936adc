-- The change feed for reconciliation: what was recorded, and which events a re-verification run
-- revised, in one gap-free order that a downstream system follows by polling. One row per
-- committed batch, not per event: ingest pays a row per group commit. Positions are taken under
-- a transaction-scoped advisory lock as the last step before commit, so they follow commit
-- order and a reader never sees a position before every earlier one is visible.
create table change_batch (
    position        bigint      primary key check (position >= 1),
    kind            text        not null check (kind in ('RECORDED', 'REVISED')),
    at              timestamptz not null,
    -- RECORDED: the log sequences first_sequence..last_sequence (a group commit's are contiguous).
    first_sequence  bigint,
    last_sequence   bigint,
    -- REVISED: the run and the events whose current standing it changed, in log order.
    run_id          bigint      references verification_run (id),
    sequences       bigint[],
    check ((kind = 'RECORDED' and first_sequence is not null and last_sequence >= first_sequence and run_id is null
            and sequences is null)
        or (kind = 'REVISED' and run_id is not null and cardinality(sequences) > 0 and first_sequence is null))
);
create trigger change_batch_append_only
    before update or delete on change_batch
    for each row execute function refuse_change_to_append_only();

-- Everything recorded before the feed existed is its first batch.
insert into change_batch (position, kind, at, first_sequence, last_sequence)
select 1, 'RECORDED', now(), 0, max(sequence) from liquidation_event having count(*) > 0;
