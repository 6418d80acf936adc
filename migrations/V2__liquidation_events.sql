-- Recorded liquidation events. Append-only: an event is never changed or removed. Its
-- sequence is its 0-based index in the tamper-evident log, assigned in recording order,
-- gap-free: writers take the ledger_head row lock once per batch (not per event) and
-- hand out consecutive numbers only to rows they actually insert.
create table ledger_head (
    id            int    primary key check (id = 1),
    next_sequence bigint not null
);
insert into ledger_head (id, next_sequence) values (1, 0);

create table liquidation_event (
    sequence            bigint      primary key check (sequence >= 0),
    venue               text        not null,
    event_id            text        not null,
    recorded_at         timestamptz not null,
    recorded_by         text        not null,
    -- SHA-256 of the canonical input (keys sorted, no insignificant whitespace): equal digests
    -- mean the same event, whatever its whitespace or key order.
    content_digest      bytea       not null,
    -- The input in canonical JSON text, byte for byte what the digest covers: kept as text (not
    -- jsonb, which reorders keys and re-renders numbers) so the digest can always be rebuilt.
    input               text        not null,
    symbol              text        not null,
    account_ref         text        not null,
    fund_id             text        not null,
    occurred_at         timestamptz not null,
    side                text        not null,
    margin_mode         text        not null,
    policy_mode         text        not null,
    fund_balance_before numeric     not null,
    constraint liquidation_event_identity unique (venue, event_id)
);
create index liquidation_event_occurred on liquidation_event (occurred_at, sequence);
create index liquidation_event_symbol on liquidation_event (symbol, sequence);
create index liquidation_event_account on liquidation_event (account_ref, sequence);
create index liquidation_event_fund on liquidation_event (fund_id, occurred_at, sequence);

create trigger liquidation_event_append_only
    before update or delete on liquidation_event
    for each row execute function refuse_change_to_append_only();
create trigger liquidation_event_no_truncate
    before truncate on liquidation_event
    for each statement execute function refuse_change_to_append_only();

-- Re-verification runs: re-replay stored inputs with the current engine.
create table verification_run (
    id              bigserial   primary key,
    requested_by    text        not null,
    requested_at    timestamptz not null default now(),
    engine_version  text        not null,
    filter          jsonb       not null,
    status          text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    -- The run covers events recorded up to this sequence when it was requested.
    up_to_sequence  bigint      not null,
    total           bigint      not null,
    done            bigint      not null default 0,
    -- Resume point: the highest sequence replayed so far (runs walk sequences upward).
    last_sequence   bigint      not null default -1,
    verdicts_changed bigint     not null default 0,
    started_at      timestamptz not null default now(),
    finished_at     timestamptz
);

-- Every recomputation of an event, by engine version; new ones are added beside old ones.
create table recomputation (
    id                  bigserial   primary key,
    event_sequence      bigint      not null references liquidation_event (sequence),
    engine_version      text        not null,
    computed_at         timestamptz not null,
    run_id              bigint      references verification_run (id),
    verdict             text        not null check (verdict in ('CONSISTENT', 'DISCREPANT', 'UNVERIFIABLE')),
    finding_codes       text[]      not null,
    outcome             text,
    mark_price          numeric,
    liquidation_price   numeric,
    bankruptcy_price    numeric,
    liquidated_quantity numeric,
    total_fee           numeric,
    excess_equity       numeric,
    trader_return       numeric,
    insurance_fund_delta numeric,
    bankruptcy_loss     numeric,
    adl_shortfall       numeric,
    output              text        not null
);
create index recomputation_event on recomputation (event_sequence, id);
create unique index recomputation_once_per_run on recomputation (event_sequence, run_id) where run_id is not null;

create trigger recomputation_append_only
    before update or delete on recomputation
    for each row execute function refuse_change_to_append_only();

-- The current standing of each event: its latest recomputation, plus what the insurance-fund
-- chain says of it. Derived and re-derivable from the two tables above, hence mutable.
create table event_status (
    event_sequence      bigint  primary key references liquidation_event (sequence),
    recomputation_id    bigint  not null references recomputation (id),
    engine_verdict      text    not null,
    fund_discontinuity  boolean not null default false,
    verdict             text    not null,
    finding_codes       text[]  not null
);
create index event_status_verdict on event_status (verdict, event_sequence);
create index event_status_findings on event_status using gin (finding_codes);

-- Submissions refused because the same identity was already recorded with other content.
create table refused_submission (
    id             bigserial   primary key,
    refused_at     timestamptz not null default clock_timestamp(),
    submitted_by   text        not null,
    kind           text        not null,
    identity       text        not null,
    content_digest bytea       not null,
    stored_digest  bytea       not null
);
create trigger refused_submission_append_only
    before update or delete on refused_submission
    for each row execute function refuse_change_to_append_only();

-- Insurance-fund movements outside liquidations: deposits, withdrawals, transfers. Append-only.
create table fund_movement (
    id             bigserial   primary key,
    fund_id        text        not null,
    movement_id    text        not null,
    kind           text        not null check (kind in ('DEPOSIT', 'WITHDRAWAL', 'TRANSFER_IN', 'TRANSFER_OUT')),
    amount         numeric     not null check (amount > 0),
    -- amount with its sign for the fund's balance: + for deposits and transfers in.
    signed_amount  numeric     not null,
    occurred_at    timestamptz not null,
    reference      text,
    recorded_at    timestamptz not null,
    recorded_by    text        not null,
    content_digest bytea       not null,
    constraint fund_movement_identity unique (fund_id, movement_id)
);
create index fund_movement_chain on fund_movement (fund_id, occurred_at, id);
create trigger fund_movement_append_only
    before update or delete on fund_movement
    for each row execute function refuse_change_to_append_only();
