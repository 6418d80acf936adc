-- Rollups behind the public disclosure pages, kept current on ingest so that no page ever scans
-- events. Every figure comes from our recomputation of an event, never from the venue's report.
create table disclosure_daily (
    day                  date    not null,
    venue                text    not null,
    symbol               text    not null,
    fund_id              text    not null,
    policy_mode          text    not null,
    events               bigint  not null,
    partial_count        bigint  not null,
    full_count           bigint  not null,
    none_count           bigint  not null,
    liquidated_notional  numeric not null,
    total_fee            numeric not null,
    fee_to_fund          numeric not null,
    excess_events        bigint  not null,
    excess_to_fund       numeric not null,
    excess_to_trader     numeric not null,
    draw_events          bigint  not null,
    fund_draws           numeric not null,
    bankruptcy_loss      numeric not null,
    adl_events           bigint  not null,
    adl_shortfall        numeric not null,
    consistent           bigint  not null,
    discrepant           bigint  not null,
    unverifiable         bigint  not null,
    -- |liquidation − bankruptcy price| / bankruptcy price, in basis points: sum, count and a
    -- histogram of 25 bp buckets (the last one open), for mean, median and p95.
    distance_count       bigint  not null,
    distance_sum_bps     numeric not null,
    distance_hist        bigint[] not null,
    -- Excess equity per full liquidation, in decades of the quote currency (< 1, < 10, … ≥ 100,000).
    excess_hist          bigint[] not null,
    -- |stated mark − last price| / mark at the trigger, where the mark's inputs were given.
    mark_last_count      bigint  not null,
    mark_last_sum_bps    numeric not null,
    primary key (day, venue, symbol, fund_id, policy_mode)
);

-- Each fund's balance at the end of each day (after its last event that day, by time).
create table disclosure_fund_balance (
    fund_id       text        not null,
    day           date        not null,
    last_at       timestamptz not null,
    last_sequence bigint      not null,
    balance_after numeric     not null,
    primary key (fund_id, day)
);

-- Every draw on a fund, for the largest-draws tables.
create table disclosure_draw (
    sequence bigint  primary key,
    fund_id  text    not null,
    day      date    not null,
    venue    text    not null,
    symbol   text    not null,
    amount   numeric not null
);
create index disclosure_draw_largest on disclosure_draw (fund_id, amount desc);

create index event_status_discontinuities on event_status (event_sequence) where fund_discontinuity;
