-- One way to read an event: the event, its current recomputation and its standing (effective
-- verdict, findings, fund-chain flag), joined once here for every reader. Its sequence is its
-- position in the log (the leaf index); the leaf itself is read through the ledger.
create view current_event as
select e.sequence, e.venue, e.event_id, e.recorded_at, e.recorded_by, e.content_digest, e.input, e.symbol, e.account_ref,
       e.fund_id, e.occurred_at, e.side, e.margin_mode, e.policy_mode, e.fund_balance_before,
       s.recomputation_id, s.engine_verdict, s.fund_discontinuity, s.verdict, s.finding_codes,
       r.engine_version, r.computed_at, r.run_id, r.finding_codes as engine_finding_codes, r.outcome, r.mark_price,
       r.liquidation_price, r.bankruptcy_price, r.liquidated_quantity, r.total_fee, r.excess_equity, r.trader_return,
       r.insurance_fund_delta, r.bankruptcy_loss, r.adl_shortfall
from liquidation_event e
join event_status s on s.event_sequence = e.sequence
join recomputation r on r.id = s.recomputation_id;
