-- Events checked against their venue's published rules (issue 19). One row per event of a venue
-- that has published rules, written when the event is recorded and again when a later rule set
-- re-checks it; an event of a venue without rules has none (verified on its own rules, as before).
-- Derived from the events and the rule sets, hence replaced on a re-check. One writer: rules/RuleChecks.
create table rule_check (
    event_sequence bigint      primary key,
    venue          text        not null,
    standing       text        not null check (standing in ('FOLLOWS', 'BREAKS')),
    -- How many rule sets the venue had published when the event was checked: a re-check is owed
    -- while the venue has more.
    rule_sets_seen integer     not null check (rule_sets_seen > 0),
    -- Each finding: {"code", "field", "published", "event"}, in the comparison's order.
    findings       jsonb       not null,
    checked_at     timestamptz not null
);
create index rule_check_breaks on rule_check (venue, event_sequence) where standing = 'BREAKS';

-- The rules' finding codes an event's standing carries (empty: none), beside the fund chain's flag;
-- either makes the verdict discrepant (standing/EffectiveVerdict).
alter table event_status add column rule_findings text[] not null default '{}';
create index event_status_rule_breaks on event_status (event_sequence) where rule_findings <> '{}';

-- A re-check of a venue's events, owed when it publishes a rule set (its events may have arrived
-- first). Progress is public with the rule set. One writer: rules/RuleRechecks.
create table rule_recheck (
    venue         text        not null,
    rule_version  text        not null,
    status        text        not null check (status in ('RUNNING', 'DONE')),
    -- The log's size when the re-check began (null: not begun): later events were checked on arrival
    -- with the rule set in view.
    up_to         bigint,
    last_sequence bigint      not null default -1,
    done          bigint      not null default 0,
    total         bigint,
    requested_at  timestamptz not null,
    finished_at   timestamptz,
    primary key (venue, rule_version),
    foreign key (venue, rule_version) references rule_set (venue, rule_version)
);

create or replace view current_event as
select e.sequence, e.venue, e.event_id, e.recorded_at, e.recorded_by, e.content_digest, e.input, e.symbol, e.account_ref,
       e.fund_id, e.occurred_at, e.side, e.margin_mode, e.policy_mode, e.fund_balance_before,
       s.recomputation_id, s.engine_verdict, s.fund_discontinuity, s.verdict, s.finding_codes,
       r.engine_version, r.computed_at, r.run_id, r.finding_codes as engine_finding_codes, r.outcome, r.mark_price,
       r.liquidation_price, r.bankruptcy_price, r.liquidated_quantity, r.total_fee, r.excess_equity, r.trader_return,
       r.insurance_fund_delta, r.bankruptcy_loss, r.adl_shortfall,
       s.differing_fields, s.amount_at_stake,
       e.account_salt,
       s.rule_findings
from liquidation_event e
join event_status s on s.event_sequence = e.sequence
join recomputation r on r.id = s.recomputation_id;
