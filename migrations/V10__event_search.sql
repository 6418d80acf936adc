-- Search for auditors (issue 14): every filter of the portal's search is served by an index, and
-- the two facts of a recomputation that had no column of their own get one in the standing:
--  * differing_fields: the reported fields the recomputation disagrees with ("totalFee",
--    "steps[2].fee"), and for a step's field also its any-step form ("steps[*].fee"), so that an
--    auditor can find every event whose second step's fee, or any step's fee, differs. Most
--    discrepancies have differences and no finding, and could not be filtered before.
--  * amount_at_stake: what the liquidation moved in or out of the insurance fund, |insurance-fund
--    delta| as recomputed (0 when nothing could be recomputed), the "amount" search sorts by.
-- Both belong to the current recomputation, so they live beside it in event_status, whose one
-- writer (standing/EventStanding) sets them with it.
alter table event_status add column differing_fields text[] not null default '{}',
                         add column amount_at_stake numeric not null default 0;

-- Events recorded before this migration: the same two facts from their current recomputation.
update event_status s
set differing_fields = coalesce((
        select array_agg(distinct f order by f)
        from jsonb_array_elements(r.output::jsonb -> 'differences') d,
             lateral (select d ->> 'field' as f
                      union all
                      select regexp_replace(d ->> 'field', '^steps\[\d+\]', 'steps[*]')
                      where d ->> 'field' ~ '^steps\[\d+\]') fields), '{}'),
    amount_at_stake = coalesce(abs(r.insurance_fund_delta), 0)
from recomputation r
where r.id = s.recomputation_id;

create index event_status_differing on event_status using gin (differing_fields);
create index event_status_amount on event_status (amount_at_stake, event_sequence);
create index liquidation_event_venue on liquidation_event (venue, sequence);
create index liquidation_event_venue_occurred on liquidation_event (venue, occurred_at, sequence);
create index liquidation_event_event_id on liquidation_event (event_id);

create or replace view current_event as
select e.sequence, e.venue, e.event_id, e.recorded_at, e.recorded_by, e.content_digest, e.input, e.symbol, e.account_ref,
       e.fund_id, e.occurred_at, e.side, e.margin_mode, e.policy_mode, e.fund_balance_before,
       s.recomputation_id, s.engine_verdict, s.fund_discontinuity, s.verdict, s.finding_codes,
       r.engine_version, r.computed_at, r.run_id, r.finding_codes as engine_finding_codes, r.outcome, r.mark_price,
       r.liquidation_price, r.bankruptcy_price, r.liquidated_quantity, r.total_fee, r.excess_equity, r.trader_return,
       r.insurance_fund_delta, r.bankruptcy_loss, r.adl_shortfall,
       s.differing_fields, s.amount_at_stake
from liquidation_event e
join event_status s on s.event_sequence = e.sequence
join recomputation r on r.id = s.recomputation_id;
