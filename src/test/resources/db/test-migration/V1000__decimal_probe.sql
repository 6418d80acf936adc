-- Test-only table: proves decimals survive REST -> jsonb/numeric -> REST digit for digit.
create table decimal_probe (
    id       bigserial primary key,
    amount   numeric not null,
    document jsonb   not null
);
