-- Leaf version 2 (issue 17): a leaf no longer holds the account reference; it commits to it with
-- a salted hash, SHA-256("liquidation-audit/account/v1" ‖ 0x00 ‖ salt ‖ accountRef), so that the
-- leaf's preimage can be published once the register delay has passed and anyone can rebuild the
-- leaf, while only someone given the salt (the account holder, an auditor) can tie it to an account.
-- The salt is 32 random bytes per event, kept here and never published. Null: the event was
-- recorded before this version; its version-1 leaf holds the account and its preimage stays private.
alter table liquidation_event add column account_salt bytea check (account_salt is null or length(account_salt) = 32);

create or replace view current_event as
select e.sequence, e.venue, e.event_id, e.recorded_at, e.recorded_by, e.content_digest, e.input, e.symbol, e.account_ref,
       e.fund_id, e.occurred_at, e.side, e.margin_mode, e.policy_mode, e.fund_balance_before,
       s.recomputation_id, s.engine_verdict, s.fund_discontinuity, s.verdict, s.finding_codes,
       r.engine_version, r.computed_at, r.run_id, r.finding_codes as engine_finding_codes, r.outcome, r.mark_price,
       r.liquidation_price, r.bankruptcy_price, r.liquidated_quantity, r.total_fee, r.excess_equity, r.trader_return,
       r.insurance_fund_delta, r.bankruptcy_loss, r.adl_shortfall,
       s.differing_fields, s.amount_at_stake,
       e.account_salt
from liquidation_event e
join event_status s on s.event_sequence = e.sequence
join recomputation r on r.id = s.recomputation_id;
