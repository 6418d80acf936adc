-- Evidence bundles (issue 14): each export is kept, byte for byte, under its SHA-256, so the file
-- an auditor hands to a supervisor can always be fetched again and matched to the case timeline
-- entry that names it. Written only by evidence/EvidenceBundles; append-only like every record of
-- what happened. A bundle is a few kilobytes.
create table evidence_bundle (
    sha256          bytea       primary key,
    venue           text        not null,
    event_id        text        not null,
    event_sequence  bigint      not null references liquidation_event (sequence),
    case_id         bigint      references audit_case (id),
    tree_size       bigint      not null,
    created_by      text        not null,
    created_at      timestamptz not null,
    content         bytea       not null
);
create index evidence_bundle_event on evidence_bundle (event_sequence, created_at);
create trigger evidence_bundle_append_only
    before update or delete on evidence_bundle
    for each row execute function refuse_change_to_append_only();
create trigger evidence_bundle_no_truncate
    before truncate on evidence_bundle
    for each statement execute function refuse_change_to_append_only();
