-- Reconciliation totals folded up to a signed checkpoint (issue 16: a year of venue x day over a
-- million events in well under a second). Each row sums, for one day, venue, symbol, fund, policy
-- and verdict, the events below reconciliation_fold.tree_size with their recomputations as of
-- reconciliation_fold.signed_at: exactly what summing those events as of that pin gives. A reader
-- answers a later checkpoint from these rows plus the few events and revisions since the fold, in
-- one snapshot; an earlier checkpoint is summed from the events. One writer:
-- reconciliation/TotalsFold, after checkpoints are signed. Each figure keeps its sum and how many
-- events had it, so a sum over no values stays "none" (null), never 0.
create table reconciliation_daily (
    day          date   not null,
    venue        text   not null,
    symbol       text   not null,
    fund_id      text   not null,
    policy_mode  text   not null,
    verdict      text   not null check (verdict in ('CONSISTENT', 'DISCREPANT', 'UNVERIFIABLE')),
    events       bigint not null,
    notional     numeric not null,
    fees_to_fund numeric not null,
    fees_to_venue numeric not null,
    liquidated_quantity_rec  numeric not null,
    liquidated_quantity_rec_n bigint not null,
    liquidated_quantity_rep  numeric not null,
    liquidated_quantity_rep_n bigint not null,
    liquidated_quantity_diff numeric not null,
    liquidated_quantity_diff_n bigint not null,
    total_fee_rec  numeric not null,
    total_fee_rec_n bigint not null,
    total_fee_rep  numeric not null,
    total_fee_rep_n bigint not null,
    total_fee_diff numeric not null,
    total_fee_diff_n bigint not null,
    excess_equity_rec  numeric not null,
    excess_equity_rec_n bigint not null,
    excess_equity_rep  numeric not null,
    excess_equity_rep_n bigint not null,
    excess_equity_diff numeric not null,
    excess_equity_diff_n bigint not null,
    trader_return_rec  numeric not null,
    trader_return_rec_n bigint not null,
    trader_return_rep  numeric not null,
    trader_return_rep_n bigint not null,
    trader_return_diff numeric not null,
    trader_return_diff_n bigint not null,
    bankruptcy_loss_rec  numeric not null,
    bankruptcy_loss_rec_n bigint not null,
    bankruptcy_loss_rep  numeric not null,
    bankruptcy_loss_rep_n bigint not null,
    bankruptcy_loss_diff numeric not null,
    bankruptcy_loss_diff_n bigint not null,
    fund_draw_rec  numeric not null,
    fund_draw_rec_n bigint not null,
    fund_draw_rep  numeric not null,
    fund_draw_rep_n bigint not null,
    fund_draw_diff numeric not null,
    fund_draw_diff_n bigint not null,
    adl_shortfall_rec  numeric not null,
    adl_shortfall_rec_n bigint not null,
    adl_shortfall_rep  numeric not null,
    adl_shortfall_rep_n bigint not null,
    adl_shortfall_diff numeric not null,
    adl_shortfall_diff_n bigint not null,
    insurance_fund_delta_rec  numeric not null,
    insurance_fund_delta_rec_n bigint not null,
    insurance_fund_delta_rep  numeric not null,
    insurance_fund_delta_rep_n bigint not null,
    insurance_fund_delta_diff numeric not null,
    insurance_fund_delta_diff_n bigint not null,
    primary key (day, venue, symbol, fund_id, policy_mode, verdict)
) with (fillfactor = 70);

-- Where the fold stands: one row. Tree size 0 at the epoch is the empty log.
create table reconciliation_fold (
    id        int         primary key check (id = 1),
    tree_size bigint      not null check (tree_size >= 0),
    signed_at timestamptz not null
);
insert into reconciliation_fold (id, tree_size, signed_at) values (1, 0, 'epoch');
