-- The rollups and the standing are updated in place many times a second under ingest (the same
-- day's row once per group commit; an event's status once per re-verification). With full pages
-- every update wrote a new row version elsewhere plus new index entries, and the public pages'
-- sums waded through the dead versions until autovacuum came by: /disclosures p95 went to
-- 200–500 ms during ingest. Free room on each page lets PostgreSQL update in place (HOT) and
-- prune dead versions as it reads; vacuum comes by after a fixed number of changes rather than a
-- fraction of the table, which on a small hot table is never.
alter table disclosure_daily set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
alter table disclosure_fund_balance set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 1000);
alter table event_status set (fillfactor = 70);
