-- The insurance-fund page lists ADL shortfalls with the events behind them (issue 17), beside the
-- largest draws. A shortfall can come with no draw at all (an empty fund), so the table of draws
-- becomes the table of liquidations with a loss the fund or ADL took: each with its draw on the
-- fund (bankruptcy loss less the ADL shortfall) and its ADL shortfall. One writer, as before:
-- standing/RollupRepository.
alter table disclosure_draw rename to disclosure_loss;
alter index disclosure_draw_pkey rename to disclosure_loss_pkey;
alter index disclosure_draw_largest rename to disclosure_loss_largest_draw;
alter table disclosure_loss rename column amount to draw;
alter table disclosure_loss add column adl_shortfall numeric not null default 0;
alter table disclosure_loss alter column adl_shortfall drop default;

-- Shortfalls already recorded, from each event's current recomputation (what the rollups hold).
insert into disclosure_loss (sequence, fund_id, day, venue, symbol, draw, adl_shortfall)
select sequence, fund_id, (occurred_at at time zone 'UTC')::date, venue, symbol, bankruptcy_loss - adl_shortfall, adl_shortfall
from current_event
where verdict <> 'UNVERIFIABLE' and adl_shortfall > 0
on conflict (sequence) do update set adl_shortfall = excluded.adl_shortfall;

create index disclosure_loss_largest_adl on disclosure_loss (fund_id, adl_shortfall desc) where adl_shortfall > 0;
