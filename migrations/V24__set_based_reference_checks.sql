-- Every recorded event and every re-verified one writes a recomputation and its event's standing.
-- Their foreign keys were checked row by row (one lookup per row and key, through a trigger each):
-- 64 of the 116 ms that 5,000 recomputations took to insert (EXPLAIN ANALYZE, bench database of
-- 200,000 events), and the slowest part of a re-verification run's write. The same references are
-- now checked once per statement over all its new rows. That holds what the keys held because the
-- referenced rows are never removed: events and recomputations are append-only (their triggers
-- refuse delete and truncate), and a verification run is never deleted (refused below).
alter table recomputation drop constraint recomputation_event_sequence_fkey;
alter table recomputation drop constraint recomputation_run_id_fkey;
alter table event_status drop constraint event_status_event_sequence_fkey;
alter table event_status drop constraint event_status_recomputation_id_fkey;

create function check_recomputation_references() returns trigger language plpgsql as $$
begin
    if exists (select 1 from added a
               where not exists (select 1 from liquidation_event e where e.sequence = a.event_sequence)) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'a recomputation must be of a recorded event';
    end if;
    if exists (select 1 from added a
               where a.run_id is not null and not exists (select 1 from verification_run r where r.id = a.run_id)) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'a recomputation''s run must exist';
    end if;
    return null;
end $$;

create trigger recomputation_references
    after insert on recomputation referencing new table as added
    for each statement execute function check_recomputation_references();

-- Stricter than the keys were: an event's standing points at a recomputation of that same event.
create function check_event_status_references() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed c
               where not exists (select 1 from liquidation_event e where e.sequence = c.event_sequence)) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'an event''s standing must be of a recorded event';
    end if;
    if exists (select 1 from changed c
               where not exists (select 1 from recomputation r
                                 where r.id = c.recomputation_id and r.event_sequence = c.event_sequence)) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'an event''s standing must point at a recomputation of that event';
    end if;
    return null;
end $$;

-- A trigger with transition tables has one event: one for inserts, one for updates (ON CONFLICT
-- DO UPDATE fires both, each with its own rows).
create trigger event_status_references_on_insert
    after insert on event_status referencing new table as changed
    for each statement execute function check_event_status_references();
create trigger event_status_references_on_update
    after update on event_status referencing new table as changed
    for each statement execute function check_event_status_references();

create function refuse_to_forget_a_run() returns trigger language plpgsql as $$
begin
    raise exception using errcode = 'restrict_violation',
        message = 'verification runs are kept: their recomputations refer to them';
end $$;

create trigger verification_run_kept
    before delete on verification_run
    for each row execute function refuse_to_forget_a_run();
create trigger verification_run_no_truncate
    before truncate on verification_run
    for each statement execute function refuse_to_forget_a_run();
create trigger recomputation_no_truncate
    before truncate on recomputation
    for each statement execute function refuse_change_to_append_only();
