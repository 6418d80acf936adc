-- Insurance funds are known (issue 18): a fund exists once registered, and a movement for a fund
-- that does not exist is refused (404) instead of making a new public fund. A fund is registered
-- by an admin (PUT /api/v1/insurance-funds/{fundId}, with its currency), or by the first
-- liquidation that names it (its currency not stated until an admin states it once). Its currency
-- is what every amount of the fund is in, on the public pages. One writer: fund/FundRegistry.
create table insurance_fund (
    fund_id        text        primary key,
    currency       text        check (currency ~ '^[A-Z0-9]{2,12}$'),
    registered_at  timestamptz not null,
    registered_by  text        not null,
    -- The liquidation that registered it by naming it first; null when an admin registered it.
    first_sequence bigint
);

-- Funds already named by liquidations, then those that so far only had movements.
insert into insurance_fund (fund_id, currency, registered_at, registered_by, first_sequence)
select distinct on (fund_id) fund_id, null, recorded_at, recorded_by, sequence
from liquidation_event order by fund_id, sequence;

insert into insurance_fund (fund_id, currency, registered_at, registered_by, first_sequence)
select distinct on (fund_id) fund_id, null, recorded_at, recorded_by, null
from fund_movement order by fund_id, id
on conflict (fund_id) do nothing;
