-- One index for both of its jobs: "one recomputation per event per run" (unique) and a run's
-- results in log order were two indexes on the same two columns, and every recomputation a
-- re-verification run writes paid for both.
create unique index recomputation_run_event on recomputation (run_id, event_sequence) where run_id is not null;
drop index recomputation_once_per_run;
drop index recomputation_run;
