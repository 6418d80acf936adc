-- The tamper-evident log over recorded events (RFC 6962). Only complete, aligned subtrees are
-- stored: (level, idx) covers leaves [idx·2^level, (idx+1)·2^level); level 0 holds the leaf hashes,
-- leaf idx being the event's sequence. Any root or proof then needs O(log n) rows.
create table merkle_node (
    level smallint not null check (level between 0 and 63),
    idx   bigint   not null check (idx >= 0),
    hash  bytea    not null check (length(hash) = 32),
    primary key (level, idx)
);
create trigger merkle_node_append_only
    before update or delete on merkle_node
    for each row execute function refuse_change_to_append_only();

-- Signed checkpoints (C2SP signed notes), all kept.
create table checkpoint (
    tree_size  bigint      primary key check (tree_size >= 0),
    root_hash  bytea       not null,
    created_at timestamptz not null,
    note       text        not null
);
create trigger checkpoint_append_only
    before update or delete on checkpoint
    for each row execute function refuse_change_to_append_only();

-- Tamper audits: every stored event's leaf rebuilt from its stored content, the tree rebuilt,
-- every checkpoint checked.
create table ledger_audit (
    id                  bigserial   primary key,
    requested_by        text        not null,
    requested_at        timestamptz not null default now(),
    status              text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    tree_size           bigint      not null,
    done                bigint      not null default 0,
    tampered            text        not null default '[]',
    bad_checkpoints     text        not null default '[]',
    checkpoints_checked bigint      not null default 0,
    finished_at         timestamptz
);
