-- Regulator report runs (issue 15): each run is pinned to a signed checkpoint (its data covers
-- exactly the events with sequence < tree_size), generated in the background, and its package
-- kept under its SHA-256 so it can be downloaded again, never regenerated differently.
create table report_run (
    id              bigserial   primary key,
    report_id       text        not null,
    report_version  int         not null,
    parameters      jsonb       not null,
    status          text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    requested_by    text        not null,
    requested_at    timestamptz not null,
    tree_size       bigint      not null,
    -- ... each with its latest recomputation computed by the checkpoint's signing time; for the
    -- record, the last such recomputation.
    recomputation_bound bigint  not null,
    total           bigint      not null,
    rows_written    bigint      not null default 0,
    finished_at     timestamptz,
    package_sha256  bytea,
    package_bytes   bigint,
    failure         text
);
create index report_run_report on report_run (report_id, id);
