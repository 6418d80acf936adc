-- The excess-equity histogram kept every full liquidation that left nothing (bankrupt, or exactly
-- zero) in its first bucket "< 1", which dwarfed the rest (issue 17). It now keeps the outcomes
-- apart: [bankrupt (a loss), nothing left, (0, 1), [1, 10), … [10,000, 100,000), ≥ 100,000].
-- Rebuilt from each event's current recomputation, exactly as standing/Contribution counts it.
update disclosure_daily set excess_hist = array_fill(0::bigint, array[9]);

update disclosure_daily d set excess_hist = h.hist
from (
    select (occurred_at at time zone 'UTC')::date as day, venue, symbol, fund_id, policy_mode,
           array[count(*) filter (where bankruptcy_loss > 0),
                 count(*) filter (where bankruptcy_loss = 0 and excess_equity = 0),
                 count(*) filter (where bankruptcy_loss = 0 and excess_equity > 0 and excess_equity < 1),
                 count(*) filter (where bankruptcy_loss = 0 and excess_equity >= 1 and excess_equity < 10),
                 count(*) filter (where bankruptcy_loss = 0 and excess_equity >= 10 and excess_equity < 100),
                 count(*) filter (where bankruptcy_loss = 0 and excess_equity >= 100 and excess_equity < 1000),
                 count(*) filter (where bankruptcy_loss = 0 and excess_equity >= 1000 and excess_equity < 10000),
                 count(*) filter (where bankruptcy_loss = 0 and excess_equity >= 10000 and excess_equity < 100000),
                 count(*) filter (where bankruptcy_loss = 0 and excess_equity >= 100000)]::bigint[] as hist
    from current_event
    where verdict <> 'UNVERIFIABLE' and outcome = 'FULL'
    group by 1, 2, 3, 4, 5
) h
where d.day = h.day and d.venue = h.venue and d.symbol = h.symbol and d.fund_id = h.fund_id and d.policy_mode = h.policy_mode;

comment on column disclosure_daily.excess_hist is
    'Full liquidations by what was left: [bankrupt, nothing, (0,1), [1,10), ... [10000,100000), >= 100000] in the quote currency';
