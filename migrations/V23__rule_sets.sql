-- A venue's published rule sets (issue 19): each identified by the ruleVersion its events cite, in
-- force from effective_from (inclusive) to effective_to (exclusive; null: until a later one is
-- published), with per symbol the contract, risk tiers, policy and mark-price outlier band. Append-only:
-- a published rule set never changes; a correction is a new one. One writer: rules/RuleSets.
create table rule_set (
    venue          text        not null,
    rule_version   text        not null,
    effective_from timestamptz not null,
    effective_to   timestamptz,
    -- The rule set as published, canonical JSON (keys sorted), byte for byte what its digest covers.
    content        text        not null,
    content_digest bytea       not null,
    published_at   timestamptz not null,
    published_by   text        not null,
    primary key (venue, rule_version),
    check (effective_to is null or effective_to > effective_from)
);

-- Which symbols each rule set covers, over its period: two rule sets of a venue may not both be in
-- force for one symbol at one instant (checked, under a per-venue lock, when one is published).
create table rule_set_symbol (
    venue          text        not null,
    rule_version   text        not null,
    symbol         text        not null,
    effective_from timestamptz not null,
    effective_to   timestamptz,
    primary key (venue, rule_version, symbol),
    foreign key (venue, rule_version) references rule_set (venue, rule_version)
);
create index rule_set_symbol_in_force on rule_set_symbol (venue, symbol, effective_from);

create trigger rule_set_append_only before update or delete on rule_set
    for each row execute function refuse_change_to_append_only();
create trigger rule_set_no_truncate before truncate on rule_set
    for each statement execute function refuse_change_to_append_only();
create trigger rule_set_symbol_append_only before update or delete on rule_set_symbol
    for each row execute function refuse_change_to_append_only();
create trigger rule_set_symbol_no_truncate before truncate on rule_set_symbol
    for each statement execute function refuse_change_to_append_only();

-- The venue's rule keeper publishes rule sets: a role users and API keys may hold.
alter table app_user drop constraint app_user_roles_check;
alter table app_user add constraint app_user_roles_check
    check (roles <@ array['ingestor','auditor','regulator','reconciler','admin','rulekeeper']::text[]);
alter table api_key drop constraint api_key_role_check;
alter table api_key add constraint api_key_role_check
    check (role in ('ingestor','auditor','regulator','reconciler','admin','rulekeeper'));
