-- Events a re-verification run could not process (say, an input stored before the input rules
-- that no longer reads as an event). The run records each one and moves on; it never retries
-- the same event forever. Append-only, like every record of what happened.
create table verification_failure (
    id             bigserial   primary key,
    run_id         bigint      not null references verification_run (id),
    event_sequence bigint      not null references liquidation_event (sequence),
    reason         text        not null,
    recorded_at    timestamptz not null default clock_timestamp()
);
create index verification_failure_run on verification_failure (run_id, event_sequence);
create trigger verification_failure_append_only
    before update or delete on verification_failure
    for each row execute function refuse_change_to_append_only();

alter table verification_run add column failed bigint not null default 0;
