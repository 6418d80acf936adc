-- User names are unique whatever their case: "Carol" cannot be created beside "carol".
create unique index app_user_username_ci on app_user (lower(username));

-- Portal sessions live here, not in a cookie, so they can end: at sign-out, when the user is
-- disabled or their password changes, after the idle timeout, and at their absolute lifetime.
-- The cookie holds a random 256-bit token; only its SHA-256 is stored.
create table portal_session (
    id           bigserial   primary key,
    token_hash   bytea       not null unique,
    username     text        not null,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at   timestamptz not null,
    remote_address text,
    ended_at     timestamptz,
    end_reason   text check (end_reason in ('SIGNED_OUT', 'USER_DISABLED', 'PASSWORD_CHANGED', 'IDLE', 'EXPIRED'))
);
create index portal_session_open on portal_session (username) where ended_at is null;

-- API keys of machine clients (the venue's engine, reconciliation systems): a role, optionally
-- a venue, never a password anyone can guess or lock. The key is shown once; only the SHA-256
-- of its secret part is stored. Revoked keys stay, for the record.
create table api_key (
    id          text        primary key check (id ~ '^[a-z0-9]{16}$'),
    name        text        not null,
    role        text        not null check (role in ('ingestor','auditor','regulator','reconciler','admin')),
    venue       text,
    secret_hash bytea       not null,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz,
    revoked_at  timestamptz,
    revoked_by  text,
    replaced_by text        references api_key (id)
);
