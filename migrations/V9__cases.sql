-- Cases: every DISCREPANT or UNVERIFIABLE event (a fund-balance break makes an event DISCREPANT)
-- gets one case, which auditors work from open to closed. The case row holds where the work
-- stands; what was done is the case's timeline, append-only like every record of what happened.
create table audit_case (
    id              bigserial   primary key,
    event_sequence  bigint      not null unique references liquidation_event (sequence),
    venue           text        not null,
    event_id        text        not null,
    state           text        not null check (state in ('OPEN', 'INVESTIGATING', 'PROPOSED', 'CLOSED')),
    outcome         text        check (outcome in ('CONFIRMED_BREACH', 'VENUE_EXPLAINED', 'ENGINE_OR_DATA_ISSUE',
                                                   'FALSE_POSITIVE')),
    assignee        text,
    -- Who proposed the resolution now awaiting approval: four eyes, so not who approves it.
    proposed_by     text,
    snoozed_until   timestamptz,
    opened_at       timestamptz not null,
    updated_at      timestamptz not null
);
create index audit_case_state on audit_case (state, id);
create index audit_case_venue on audit_case (venue, id);

create table case_event (
    id          bigserial   primary key,
    case_id     bigint      not null references audit_case (id),
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    state_before text,
    state_after text        not null,
    detail      text
);
create index case_event_case on case_event (case_id, id);
create trigger case_event_append_only
    before update or delete on case_event
    for each row execute function refuse_change_to_append_only();
create trigger case_event_no_truncate
    before truncate on case_event
    for each statement execute function refuse_change_to_append_only();
