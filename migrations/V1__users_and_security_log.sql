-- Users of the service and their roles. Passwords are bcrypt hashes (Modular Crypt Format).
create table app_user (
    id            bigserial primary key,
    username      text        not null unique check (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    password_hash text        not null,
    roles         text[]      not null check (roles <@ array['ingestor','auditor','regulator','reconciler','admin']::text[]),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- Append-only record of every admin action and every failed sign-in. Never holds a password.
create table security_log (
    id             bigserial   primary key,
    occurred_at    timestamptz not null default clock_timestamp(),
    actor          text,
    action         text        not null,
    subject        text,
    remote_address text,
    detail         text
);

-- Append-only tables refuse UPDATE, DELETE and TRUNCATE from anyone, the application included.
create function refuse_change_to_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end
$$;

create trigger security_log_append_only
    before update or delete on security_log
    for each row execute function refuse_change_to_append_only();
create trigger security_log_no_truncate
    before truncate on security_log
    for each statement execute function refuse_change_to_append_only();
