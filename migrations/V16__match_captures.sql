-- A statement match kept as evidence (not a dry run): who asked, when, with what parameters,
-- against which checkpoint, and the result with its SHA-256. Written once, in one statement, so
-- never half a capture; never changed.
create table match_capture (
    id              bigserial   primary key,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    kind            text        not null check (kind in ('EVENTS')),
    parameters      jsonb       not null,
    tree_size       bigint      not null,
    root_hash       bytea       not null,
    result_sha256   bytea       not null,
    result          text        not null
);
create trigger match_capture_append_only
    before update or delete on match_capture
    for each row execute function refuse_change_to_append_only();
